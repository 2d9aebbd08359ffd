package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.jgan.losses.LossTesting.softplus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Each f-divergence pair and the importance weights against values computed by hand. */
class FDivergenceTest {
  private static final float[] REAL = {-1f, 0.5f, 2f};
  private static final float[] FAKE = {0.25f, -2f};

  /** r on real, f on fake, written out independently of the class under test. */
  private static double real(FDivergence d, double v) {
    return switch (d) {
      case GAN -> -softplus(-v);
      case JENSEN_SHANNON -> Math.log(2) - softplus(-v);
      case KL -> v + 1;
      case REVERSE_KL -> -Math.exp(-v);
      case SQUARED_HELLINGER -> 1 - Math.exp(-v);
      case PEARSON_CHI2 -> v * v;
    };
  }

  private static double fake(FDivergence d, double v) {
    return switch (d) {
      case GAN -> softplus(-v) + v;
      case JENSEN_SHANNON -> softplus(-v) + v - Math.log(2);
      case KL -> Math.exp(v);
      case REVERSE_KL -> v - 1;
      case SQUARED_HELLINGER -> Math.exp(v) - 1;
      case PEARSON_CHI2 -> -0.5 * (Math.abs(v) + 1) * (Math.abs(v) + 1);
    };
  }

  @Test
  void everyPairMatchesItsFormula() {
    for (FDivergence d : FDivergence.values()) {
      double expected = 0;
      for (float v : FAKE) {
        expected += fake(d, v) / FAKE.length;
      }
      for (float v : REAL) {
        expected -= real(d, v) / REAL.length;
      }
      float actual = evaluate(tf -> d.discriminatorLoss(tf, tf.constant(REAL), tf.constant(FAKE)));
      assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), d.name());
    }
  }

  @Test
  void ganPairIsBinaryCrossEntropy() {
    // E_Q[softplus(V)] + E_P[softplus(-V)]: by hand softplus(0.25) = 0.825939, softplus(-2) = 0.126928,
    // softplus(1) = 1.313262, softplus(-0.5) = 0.474077, softplus(-2) = 0.126928.
    double expected = (0.825939 + 0.126928) / 2 + (1.313262 + 0.474077 + 0.126928) / 3;
    assertEquals(expected, evaluate(tf -> FDivergence.GAN.discriminatorLoss(tf, tf.constant(REAL), tf.constant(FAKE))),
        1e-5);
  }

  private static float[] weights(FDivergence d, float[][] logits) {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> w = d.normalisedWeights(tf, tf.constant(logits));
      try (Result r = s.runner().fetch(w).run()) {
        return Tensors.toFloats(r.get(0));
      }
    }
  }

  @Test
  void equalLogWeightsGiveOneOverM() {
    for (FDivergence d : FDivergence.values()) {
      float[] w = weights(d, new float[][] {{0.3f}, {0.3f}, {0.3f}, {0.3f}});
      for (float v : w) {
        assertEquals(0.25f, v, 1e-6f, d.name());
      }
    }
  }

  @Test
  void weightsSumToOnePerZAndMatchASoftmax() {
    // [M = 3, B = 2]; column 0 has log w = (0, log 2, log 5) -> weights (1, 2, 5) / 8.
    float[][] logits = {{0f, 1f}, {(float) Math.log(2), -1f}, {(float) Math.log(5), 3f}};
    float[] w = weights(FDivergence.KL, logits);
    assertEquals(1 / 8f, w[0], 1e-6f);
    assertEquals(2 / 8f, w[2], 1e-6f);
    assertEquals(5 / 8f, w[4], 1e-6f);
    assertEquals(1f, w[1] + w[3] + w[5], 1e-6f);
    // Squared Hellinger: log w = 2V, column (0, log 2) -> (1, 4) / 5.
    float[] hellinger = weights(FDivergence.SQUARED_HELLINGER, new float[][] {{0f}, {(float) Math.log(2)}});
    assertEquals(0.2f, hellinger[0], 1e-6f);
    assertEquals(0.8f, hellinger[1], 1e-6f);
    // chi^2: w = V / 2 + 1 normalised by its sum: column (0, 2) -> (1, 2) / 3.
    float[] chi = weights(FDivergence.PEARSON_CHI2, new float[][] {{0f}, {2f}});
    assertEquals(1 / 3f, chi[0], 1e-6f);
    assertEquals(2 / 3f, chi[1], 1e-6f);
  }

  @Test
  void hugeLogitsGiveNoNan() {
    for (FDivergence d : FDivergence.values()) {
      float[] w = weights(d, new float[][] {{200f, -200f}, {-200f, -200f}, {199f, 200f}});
      double sum0 = w[0] + w[2] + w[4];
      assertEquals(1.0, sum0, 1e-5, d.name());
      for (float v : w) {
        assertTrue(Float.isFinite(v) && v >= 0, d.name() + " weight " + v);
      }
    }
    assertEquals(0.7310586, weights(FDivergence.GAN, new float[][] {{200f}, {199f}})[0], 1e-6, "sigmoid(1)");
    float loss = evaluate(tf -> FDivergence.GAN.discriminatorLoss(tf, tf.constant(new float[] {-200f}),
        tf.constant(new float[] {200f})));
    assertEquals(400.0, loss, 1e-3);
  }
}
