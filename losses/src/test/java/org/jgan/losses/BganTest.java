package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Continuous BGAN's losses against values computed by hand. */
class BganTest {
  /**
   * V(x) = w2 . relu(x W1 + b1) with W1 = [[1, 2], [-1, 0.5]], b1 = (0, -1), w2 = (3, -2). Where
   * both units are active grad V = W1 w2 = (1*3 + 2*-2, -1*3 + 0.5*-2) = (-1, -4), squared norm 17;
   * unit 1 alone: 3 * (1, -1), 18; unit 2 alone: -2 * (2, 0.5), 17; neither: 0.
   * x = (2, 1): pre-activations (1, 3.5), both; (-1, 1): (-2, -2.5), neither;
   * (0.25, -1): (1.25, -1), unit 1; (0.5, 2): (-1.5, 1), unit 2. Mean (17 + 0 + 18 + 17) / 4 = 13.
   */
  @Test
  void realGradientPenaltyOfATinyReluNetworkByHand() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.identity(tf.constant(new float[][] {{2f, 1f}, {-1f, 1f}, {0.25f, -1f}, {0.5f, 2f}}));
      Operand<TFloat32> hidden = tf.math.maximum(tf.math.add(
          tf.linalg.matMul(x, tf.constant(new float[][] {{1f, 2f}, {-1f, 0.5f}})), tf.constant(new float[] {0f, -1f})),
          tf.constant(0f));
      Operand<TFloat32> logits = tf.reshape(tf.linalg.matMul(hidden, tf.constant(new float[][] {{3f}, {-2f}})),
          tf.constant(new long[] {-1}));
      Operand<TFloat32> penalty = Bgan.realGradientPenalty(ctx, logits, x);
      try (Result r = s.runner().fetch(penalty).run()) {
        assertEquals(13.0, Tensors.scalar(r.get(0)), 1e-5);
      }
    }
  }

  @Test
  void generatorLossIsHalfTheMeanSquaredLogit() {
    // 0.5 * (2^2 + (-1)^2 + 0.5^2) / 3 = 0.5 * 5.25 / 3 = 0.875
    float loss = evaluate(tf -> Bgan.generatorLoss(tf, tf.constant(new float[] {2f, -1f, 0.5f})));
    assertEquals(0.875, loss, 1e-6);
  }

  @Test
  void generatorLossIsZeroOnTheDecisionBoundary() {
    // V = 0 means D = 1/2: the generator's samples sit on the boundary it seeks.
    assertEquals(0.0, evaluate(tf -> Bgan.generatorLoss(tf, tf.constant(new float[] {0f, 0f}))), 0.0);
  }

  @Test
  void generatorLossStaysFiniteForHugeLogits() {
    // Computed from logits, never from D itself: 0.5 * (200^2 + 200^2) / 2 = 20000.
    assertEquals(20000.0, evaluate(tf -> Bgan.generatorLoss(tf, tf.constant(new float[] {200f, -200f}))), 1e-2);
  }
}
