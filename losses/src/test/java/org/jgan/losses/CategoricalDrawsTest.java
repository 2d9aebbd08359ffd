package org.jgan.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The multinomial generator's fast path (categorical draws as indices, log-probabilities
 * gathered) against the one-hot formulation it replaced: same loss, same gradient.
 */
class CategoricalDrawsTest {
  /** logits [B = 2, positions = 3, K = 4]. */
  private static final float[][][] LOGITS = {
      {{0.3f, -1.2f, 2.0f, 0.1f}, {1.5f, 0.2f, -0.7f, 0.0f}, {-2.0f, 0.4f, 0.4f, 1.1f}},
      {{0.0f, 0.0f, 0.0f, 0.0f}, {3.0f, -3.0f, 1.0f, 0.5f}, {0.9f, 1.9f, -0.1f, -1.5f}}};
  /** Draws [M = 2, B = 2, positions = 3]. */
  private static final int[][][] CATEGORIES = {{{2, 0, 3}, {1, 0, 1}}, {{0, 3, 1}, {3, 2, 0}}};
  /** Normalised importance weights [M, B]: each column sums to 1. */
  private static final float[][] WEIGHTS = {{0.3f, 0.8f}, {0.7f, 0.2f}};

  @Test
  void gatheredLikelihoodLossAndGradientEqualTheOneHotFormulation() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Variable<TFloat32> logits = tf.variable(tf.constant(LOGITS));
      Operand<TInt32> categories = tf.constant(CATEGORIES);
      Operand<TFloat32> oneHot = tf.oneHot(categories, tf.constant(4), tf.constant(1f), tf.constant(0f));
      Operand<TFloat32> weights = tf.constant(WEIGHTS);
      Operand<TFloat32> oneHotLoss = DiscreteBgan.importanceLoss(tf, weights,
          DiscreteBgan.logLikelihood(tf, DiscreteBgan.Kind.MULTINOMIAL, logits, oneHot));
      Operand<TFloat32> gatheredLogG = DiscreteBgan.logLikelihoodOfCategories(tf, logits, categories);
      Operand<TFloat32> gatheredLoss = DiscreteBgan.importanceLoss(tf, weights, gatheredLogG);
      Operand<TFloat32> oneHotGrad = Gradients.of(ctx, "one_hot", oneHotLoss, List.of(logits)).get(0);
      Operand<TFloat32> gatheredGrad = Gradients.of(ctx, "gathered", gatheredLoss, List.of(logits)).get(0);
      try (Session s = Sessions.open(g, 1);
          Result r = s.runner().fetch(oneHotLoss).fetch(gatheredLoss).fetch(oneHotGrad).fetch(gatheredGrad)
              .fetch(gatheredLogG).run()) {
        assertEquals(Tensors.scalar(r.get(0)), Tensors.scalar(r.get(1)), 1e-5);
        assertArrayEquals(Tensors.toFloats(r.get(2)), Tensors.toFloats(r.get(3)), 1e-6f);
        // By hand, one entry: log g of draw m = 0, z = 0 sums log softmax at categories 2, 0, 3.
        double expected = logSoftmax(LOGITS[0][0], 2) + logSoftmax(LOGITS[0][1], 0) + logSoftmax(LOGITS[0][2], 3);
        assertEquals(expected, Tensors.toFloats(r.get(4))[0], 1e-5);
        assertEquals(4, r.get(4).shape().size(), "log g is [M, B]");
      }
    }
  }

  @Test
  void drawnCategoriesFollowTheSoftmaxAndHaveTheDrawShape() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 3);
      Ops tf = ctx.tf();
      // Two positions: softmax(0, log 3) = (1/4, 3/4) and softmax(log 4, 0, 0) = (2/3, 1/6, 1/6).
      Operand<TFloat32> logits = tf.constant(new float[][][] {{{0f, (float) Math.log(3), -100f},
          {(float) Math.log(4), 0f, 0f}}});
      Operand<TInt32> draws = DiscreteBgan.drawCategories(ctx, logits, 6000);
      try (Result r = s.runner().fetch(draws).run()) {
        assertArrayEquals(new long[] {6000, 1, 2}, r.get(0).shape().asArray());
        int[] counts = new int[6];
        TInt32 values = (TInt32) r.get(0);
        for (int m = 0; m < 6000; m++) {
          for (int position = 0; position < 2; position++) {
            counts[position * 3 + values.getInt(m, 0, position)]++;
          }
        }
        assertEquals(0.25, counts[0] / 6000.0, 0.02);
        assertEquals(0.75, counts[1] / 6000.0, 0.02);
        assertEquals(0, counts[2], "a category of probability e^-100 is never drawn");
        assertEquals(2 / 3.0, counts[3] / 6000.0, 0.02);
        assertEquals(1 / 6.0, counts[4] / 6000.0, 0.02);
      }
    }
  }

  private static double logSoftmax(float[] logits, int category) {
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l);
    }
    return logits[category] - Math.log(sum);
  }
}
