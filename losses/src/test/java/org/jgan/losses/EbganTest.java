package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** EBGAN's energy, losses and pulling-away term against values computed by hand. */
class EbganTest {
  @Test
  void energyIsTheEuclideanReconstructionErrorOfEachExample() {
    // Example 1: (1,2) -> (1,0), error (0,-2), norm 2. Example 2: (0,0) -> (3,4), norm 5.
    // Example 3: a 2x2 "image" reconstructed exactly, norm 0.
    float[][][] x = {{{1, 2}, {0, 0}}, {{0, 0}, {0, 0}}, {{7, -1}, {2, 2}}};
    float[][][] r = {{{1, 0}, {0, 0}}, {{3, 4}, {0, 0}}, {{7, -1}, {2, 2}}};
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> energy = Ebgan.energy(tf, tf.constant(x), tf.constant(r));
      try (Result result = s.runner().fetch(energy).run()) {
        assertEquals(1, result.get(0).shape().numDimensions(), "one energy per example, not a batch mean");
        assertEquals(3, result.get(0).shape().size(0));
        assertArrayEquals(new float[] {2f, 5f, 0f}, Tensors.toFloats(result.get(0)), 1e-3f);
      }
    }
  }

  @Test
  void discriminatorLossWithTheMarginActive() {
    // E[D(x)] = (1 + 3) / 2 = 2; hinge [10 - 4]^+ = 6, [10 - 12]^+ = 0, mean 3; total 5.
    float loss = evaluate(tf -> Ebgan.discriminatorLoss(tf, tf.constant(new float[] {1f, 3f}),
        tf.constant(new float[] {4f, 12f}), 10f));
    assertEquals(5.0, loss, 1e-5);
  }

  @Test
  void discriminatorLossWithTheMarginInactive() {
    // Every fake energy is above m = 10: the hinge is 0 and only E[D(x)] = 2 remains.
    float loss = evaluate(tf -> Ebgan.discriminatorLoss(tf, tf.constant(new float[] {1f, 3f}),
        tf.constant(new float[] {11f, 30f}), 10f));
    assertEquals(2.0, loss, 1e-5);
  }

  @Test
  void pullingAwayTermIsZeroForOrthogonalCodes() {
    float[][] orthogonal = {{2, 0, 0}, {0, -3, 0}, {0, 0, 0.5f}};
    assertEquals(0.0, evaluate(tf -> Ebgan.pullingAway(tf, tf.constant(orthogonal))), 1e-6);
  }

  @Test
  void pullingAwayTermIsOneForIdenticalOrOppositeCodes() {
    float[][] identical = {{1, 2}, {1, 2}, {1, 2}};
    assertEquals(1.0, evaluate(tf -> Ebgan.pullingAway(tf, tf.constant(identical))), 1e-5);
    // Cosines are squared: opposite directions count as fully aligned.
    float[][] opposite = {{1, 2}, {-2, -4}};
    assertEquals(1.0, evaluate(tf -> Ebgan.pullingAway(tf, tf.constant(opposite))), 1e-5);
  }

  @Test
  void pullingAwayTermIsTheMeanSquaredCosineOverOrderedPairs() {
    // cos(s1, s2) = 1/sqrt(2) (squared 1/2), cos(s1, s3) = 0, cos(s2, s3) = 1/sqrt(2) (squared 1/2).
    // Ordered pairs i != j: 2 * (1/2 + 0 + 1/2) = 2, over N(N - 1) = 6 gives 1/3.
    float[][] codes = {{1, 0}, {1, 1}, {0, 1}};
    assertEquals(1.0 / 3, evaluate(tf -> Ebgan.pullingAway(tf, tf.constant(codes))), 1e-5);
    // Convolutional codes [N, h, w] are flattened per example first: same codes, same value.
    float[][][] asMaps = {{{1}, {0}}, {{1}, {1}}, {{0}, {1}}};
    assertEquals(1.0 / 3, evaluate(tf -> Ebgan.pullingAway(tf, tf.constant(asMaps))), 1e-5);
  }

  @Test
  void generatorLossIsFakeEnergyPlusWeightedPullingAway() {
    // E[D(G(z))] = (4 + 12) / 2 = 8; PT of {(1,0), (1,1), (0,1)} is 1/3; w_PT = 0.3 adds 0.1.
    float[][] codes = {{1, 0}, {1, 1}, {0, 1}};
    float loss = evaluate(tf -> Ebgan.generatorLoss(tf, tf.constant(new float[] {4f, 12f}), tf.constant(codes), 0.3f));
    assertEquals(8.1, loss, 1e-5);
  }
}
