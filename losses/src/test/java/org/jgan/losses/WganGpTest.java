package org.jgan.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The gradient penalty against its closed form for a linear critic, and the per-example interpolation. */
class WganGpTest {
  /** C(x) = w . flatten(x): the gradient is w everywhere, so GP = (||w|| - 1)^2 exactly. */
  @Test
  void penaltyOfLinearCriticIsClosedForm() {
    float[] w = {0.5f, -1f, 2f, 0.25f};
    double norm = Math.sqrt(0.25 + 1 + 4 + 0.0625);
    double expected = (norm - 1) * (norm - 1);
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 3);
      Ops tf = ctx.tf();
      // Image-shaped input [batch 3, 2, 2, 1]: the norm runs over all non-batch axes.
      Operand<TFloat32> x = ctx.normal(tf.constant(new long[] {3, 2, 2, 1}));
      Operand<TFloat32> weights = tf.constant(new float[][] {{w[0]}, {w[1]}, {w[2]}, {w[3]}});
      Operand<TFloat32> penalty = WganGp.gradientPenalty(ctx,
          in -> tf.linalg.matMul(tf.reshape(in, tf.constant(new long[] {-1, 4})), weights), x);
      try (Result r = s.runner().fetch(penalty).run()) {
        assertEquals(expected, Tensors.scalar(r.get(0)), 1e-5);
      }
    }
  }

  /** A critic with zero gradient gives GP = (sqrt(eps) - 1)^2 ~ 1, and differentiating it gives no NaN. */
  @Test
  void zeroGradientGivesFinitePenaltyAndGradient() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 3);
      Ops tf = ctx.tf();
      Variable<TFloat32> w = tf.variable(tf.constant(new float[][] {{0f}, {0f}}));
      Operand<TFloat32> x = ctx.normal(tf.constant(new long[] {4, 2}));
      Operand<TFloat32> penalty = WganGp.gradientPenalty(ctx, in -> tf.linalg.matMul(in, w), x);
      Operand<TFloat32> dw = Gradients.of(ctx, "outer", penalty, List.of(w)).get(0);
      try (Result r = s.runner().fetch(penalty).fetch(dw).run()) {
        assertEquals(Math.pow(Math.sqrt(WganGp.NORM_EPSILON) - 1, 2), Tensors.scalar(r.get(0)), 1e-5);
        for (float v : Tensors.toFloats(r.get(1))) {
          assertTrue(Float.isFinite(v), "gradient of the penalty must be finite, got " + v);
        }
      }
    }
  }

  /** With real = 0 and fake = 1, x^ = alpha: constant within each example, different between examples. */
  @Test
  void oneAlphaPerExampleNotPerPixel() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 11);
      Ops tf = ctx.tf();
      long[] shape = {6, 3, 3, 2};
      Operand<TFloat32> real = tf.zeros(tf.constant(shape), TFloat32.class);
      Operand<TFloat32> fake = tf.fill(tf.constant(shape), tf.constant(1f));
      Operand<TFloat32> alpha = ctx.uniform(tf.constant(new int[] {6}));
      Operand<TFloat32> xhat = WganGp.interpolate(tf, real, fake, alpha);
      try (Result r = s.runner().fetch(xhat).fetch(alpha).run()) {
        float[] values = Tensors.toFloats(r.get(0));
        float[] alphas = Tensors.toFloats(r.get(1));
        int per = 3 * 3 * 2;
        for (int i = 0; i < 6; i++) {
          for (int j = 0; j < per; j++) {
            assertEquals(alphas[i], values[i * per + j], 0f, "example " + i + " pixel " + j);
          }
        }
        assertNotEquals(alphas[0], alphas[1]);
      }
    }
  }

  /** x^ lies on the segment: real + alpha (fake - real) for arbitrary values. */
  @Test
  void interpolationFollowsTheSegment() {
    float[] real = {1f, 2f, -1f, 4f};
    float[] fake = {3f, 2f, 1f, 0f};
    float[] alpha = {0.25f, 0.75f};
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> xhat = WganGp.interpolate(tf, tf.constant(new float[][] {{1f, 2f}, {-1f, 4f}}),
          tf.constant(new float[][] {{3f, 2f}, {1f, 0f}}), tf.constant(alpha));
      try (Result r = s.runner().fetch(xhat).run()) {
        float[] v = Tensors.toFloats(r.get(0));
        float[] expected = {1.5f, 2f, 0.5f, 1f};
        for (int i = 0; i < 4; i++) {
          assertEquals(expected[i], v[i], 1e-6f);
          assertEquals(real[i] + alpha[i / 2] * (fake[i] - real[i]), v[i], 1e-6f);
        }
      }
    }
  }
}
