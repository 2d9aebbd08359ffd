package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Discrete BGAN's likelihoods, estimator and sampling against hand-computed values. */
class DiscreteBganTest {
  private static double logSigmoid(double x) {
    return -LossTesting.softplus(-x);
  }

  @Test
  void bernoulliLogLikelihoodSumsOverPixels() {
    // logits (0, 2), sample (1, 0): log sigmoid(0) + log(1 - sigmoid(2)) = -0.693147 - 2.126928 = -2.820075.
    float v = evaluate(tf -> DiscreteBgan.logLikelihood(tf, DiscreteBgan.Kind.BINARY,
        tf.constant(new float[][] {{0f, 2f}}), tf.constant(new float[][][] {{{1f, 0f}}})));
    assertEquals(logSigmoid(0) + logSigmoid(-2), v, 1e-5);
    assertEquals(-2.820075, v, 1e-5);
  }

  @Test
  void categoricalLogLikelihoodIsTheChosenLogSoftmax() {
    // logits (1, 2, 3), one-hot category 3: 3 - log(e + e^2 + e^3) = -0.407606.
    float v = evaluate(tf -> DiscreteBgan.logLikelihood(tf, DiscreteBgan.Kind.MULTINOMIAL,
        tf.constant(new float[][][] {{{1f, 2f, 3f}}}), tf.constant(new float[][][][] {{{{0f, 0f, 1f}}}})));
    assertEquals(3 - Math.log(Math.E + Math.exp(2) + Math.exp(3)), v, 1e-5);
  }

  @Test
  void importanceLossAndLogPartitionByHand() {
    // Two z, M = 2: weights (0.25, 0.75) and (0.5, 0.5); log g (-1, -2) and (-4, -6):
    // -(mean(0.25 * -1 + 0.75 * -2, 0.5 * -4 + 0.5 * -6)) = -((-1.75) + (-5)) / 2 = 3.375.
    float loss = evaluate(tf -> DiscreteBgan.importanceLoss(tf, tf.constant(new float[][] {{0.25f, 0.5f}, {0.75f, 0.5f}}),
        tf.constant(new float[][] {{-1f, -4f}, {-2f, -6f}})));
    assertEquals(3.375, loss, 1e-6);
    // log w (0, log 3) -> log((1 + 3) / 2) = log 2.
    float logZ = evaluate(tf -> DiscreteBgan.logPartition(tf, tf.constant(new float[][] {{0f}, {(float) Math.log(3)}}), 2));
    assertEquals(Math.log(2), logZ, 1e-6);
  }

  @Test
  void drawsFollowTheGeneratorsProbabilities() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 3);
      Ops tf = ctx.tf();
      Operand<TFloat32> logits = tf.constant(new float[][] {{-2f, 0f, 3f}});
      Operand<TFloat32> binary = DiscreteBgan.draw(tf, DiscreteBgan.Kind.BINARY, logits,
          ctx.uniform(tf.constant(new long[] {4000, 1, 3})));
      Operand<TFloat32> frequency = tf.math.mean(binary, tf.constant(new int[] {0, 1}));
      Operand<TFloat32> categorical = DiscreteBgan.draw(tf, DiscreteBgan.Kind.MULTINOMIAL,
          tf.constant(new float[][][] {{{0f, (float) Math.log(3)}}}), ctx.uniform(tf.constant(new long[] {4000, 1, 1, 2})));
      Operand<TFloat32> share = tf.math.mean(categorical, tf.constant(new int[] {0, 1, 2}));
      try (Result r = s.runner().fetch(frequency).fetch(share).run()) {
        float[] f = Tensors.toFloats(r.get(0));
        assertEquals(1 / (1 + Math.exp(2)), f[0], 0.02);
        assertEquals(0.5, f[1], 0.03);
        assertEquals(1 / (1 + Math.exp(-3)), f[2], 0.02);
        float[] c = Tensors.toFloats(r.get(1));
        assertEquals(0.75, c[1], 0.03, "softmax(0, log 3) = (1/4, 3/4)");
        assertEquals(1.0, c[0] + c[1], 1e-6, "one-hot");
      }
    }
  }

  @Test
  void noGradientFlowsThroughTheSamples() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 3);
      Ops tf = ctx.tf();
      Operand<TFloat32> logits = tf.identity(tf.constant(new float[][] {{0.5f, -1f}}));
      Operand<TFloat32> x = DiscreteBgan.draw(tf, DiscreteBgan.Kind.BINARY, logits,
          ctx.uniform(tf.constant(new long[] {3, 1, 2})));
      Operand<TFloat32> sum = tf.reduceSum(x, tf.constant(new int[] {0, 1, 2}));
      assertThrows(RuntimeException.class, () -> Gradients.of(ctx, "through_samples", sum, List.of(logits)),
          "the samples carry no gradient to the logits");
      // The likelihood of those samples does reach the logits.
      Operand<TFloat32> logG = DiscreteBgan.logLikelihood(tf, DiscreteBgan.Kind.BINARY, logits, x);
      Operand<TFloat32> grad = Gradients.of(ctx, "through_likelihood", logG, List.of(logits)).get(0);
      try (Session s = Sessions.open(g, 1); Result r = s.runner().fetch(grad).run()) {
        float[] values = Tensors.toFloats(r.get(0));
        assertTrue(Math.abs(values[0]) + Math.abs(values[1]) > 0, "d log g / d logits is non-zero");
      }
    }
  }

  /**
   * d/dl of -log softmax(l)_c is softmax(l) - onehot(c) for every category (closed form), also for
   * logits of rank 3: TensorFlow's own LogSoftmax gradient is only right for rank 2.
   */
  @Test
  void categoricalLikelihoodGradientIsSoftmaxMinusOneHot() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      org.tensorflow.op.core.Variable<TFloat32> logits = tf.variable(tf.constant(new float[][][] {{{0f, 1f, 2f}}}));
      Operand<TFloat32> sample = tf.constant(new float[][][][] {{{{0f, 0f, 1f}}}});
      Operand<TFloat32> loss = DiscreteBgan.importanceLoss(tf, tf.constant(new float[][] {{1f}}),
          DiscreteBgan.logLikelihood(tf, DiscreteBgan.Kind.MULTINOMIAL, logits, sample));
      Operand<TFloat32> grad = Gradients.of(ctx, "categorical", loss, List.of(logits)).get(0);
      try (Session s = Sessions.open(g, 1); Result r = s.runner().fetch(grad).run()) {
        float[] values = Tensors.toFloats(r.get(0));
        double z = 1 + Math.E + Math.exp(2);
        assertEquals(1 / z, values[0], 1e-6);
        assertEquals(Math.E / z, values[1], 1e-6);
        assertEquals(Math.exp(2) / z - 1, values[2], 1e-6);
      }
    }
  }
}
