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
      case PEARSON_CHI2 -> v;
    };
  }

  private static double fake(FDivergence d, double v) {
    return switch (d) {
      case GAN -> softplus(-v) + v;
      case JENSEN_SHANNON -> softplus(-v) + v - Math.log(2);
      case KL -> Math.exp(v);
      case REVERSE_KL -> v - 1;
      case SQUARED_HELLINGER -> Math.exp(v) - 1;
      case PEARSON_CHI2 -> v + v * v / 4;
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

  @Test
  void jensenShannonIsGanShiftedByAConstantWithTheSameWeights() {
    // GAN = 2 JS - log 4 (f-GAN, Table 1): the losses differ by 2 log 2 = 1.386294 whatever V is, so
    // their gradients, and training from one seed, are the same.
    float[][] realSets = {REAL, {7f}, {-30f, 0f}};
    float[][] fakeSets = {FAKE, {-5f, 3f}, {12f}};
    for (int i = 0; i < realSets.length; i++) {
      float[] real = realSets[i];
      float[] fake = fakeSets[i];
      float gan = evaluate(tf -> FDivergence.GAN.discriminatorLoss(tf, tf.constant(real), tf.constant(fake)));
      float js = evaluate(tf -> FDivergence.JENSEN_SHANNON.discriminatorLoss(tf, tf.constant(real), tf.constant(fake)));
      assertEquals(1.386294, gan - js, 1e-5 * Math.max(1, Math.abs(gan)), "set " + i);
    }
    float[][] logits = {{0.3f, -1f}, {2f, 0.5f}, {-0.7f, 4f}};
    float[] gan = weights(FDivergence.GAN, logits);
    float[] js = weights(FDivergence.JENSEN_SHANNON, logits);
    for (int i = 0; i < gan.length; i++) {
      assertEquals(gan[i], js[i], 0f);
    }
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

  /*
   * Pearson chi^2 on three points: P's samples {a, a, b} give p = (2/3, 1/3, 0), Q's samples
   * {a, b, c, c} give q = (1/4, 1/4, 1/2). chi^2(P || Q) = sum (p - q)^2 / q
   * = (5/12)^2 * 4 + (1/12)^2 * 4 + (1/2)^2 * 2 = 100/144 + 4/144 + 72/144 = 11/9.
   * The maximiser of E_P[T] - E_Q[T + T^2 / 4] is T = 2 (p / q - 1) = (10/3, 2/3, -2) on (a, b, c).
   */
  private static final double CHI2 = 11.0 / 9;
  private static final float[] T_STAR = {10f / 3, 2f / 3, -2f};

  /** E_P[r(V)] - E_Q[f(V)] when the discriminator outputs v[k] on point k. */
  private static float chiSquaredObjective(float[] v) {
    float[] real = {v[0], v[0], v[1]};
    float[] fake = {v[0], v[1], v[2], v[2]};
    return -evaluate(tf -> FDivergence.PEARSON_CHI2.discriminatorLoss(tf, tf.constant(real), tf.constant(fake)));
  }

  @Test
  void chiSquaredObjectiveIsBoundedAndPeaksAtTheDivergence() {
    assertEquals(CHI2, chiSquaredObjective(T_STAR), 1e-5, "the maximum is chi^2(P || Q)");
    // Concave in V (linear minus a convex quadratic), so every other output scores lower, also far away.
    float[][] others = {{0f, 0f, 0f}, {10f / 3 + 0.5f, 2f / 3, -2f}, {10f / 3, 2f / 3 - 0.5f, -2f},
        {10f / 3, 2f / 3, -1.5f}, {100f, 100f, 100f}, {-100f, -100f, -100f}, {1e4f, 1e4f, -1e4f}};
    for (float[] v : others) {
      float value = chiSquaredObjective(v);
      assertTrue(value < CHI2 - 1e-3, java.util.Arrays.toString(v) + " scores " + value + " above chi^2 = " + CHI2);
    }
  }

  @Test
  void chiSquaredWeightsAtTheOptimumAreTheDensityRatio() {
    // w = (f*)'(T) = 1 + T / 2 = p / q: (8/3, 4/3, 0) on (a, b, c), normalised (2/3, 1/3, 0).
    float[] w = weights(FDivergence.PEARSON_CHI2, new float[][] {{T_STAR[0]}, {T_STAR[1]}, {T_STAR[2]}});
    assertEquals(2 / 3f, w[0], 1e-6f);
    assertEquals(1 / 3f, w[1], 1e-6f);
    assertEquals(0f, w[2], 1e-6f);
    float logW = evaluate(tf -> tf.reduceSum(FDivergence.PEARSON_CHI2.logWeights(tf, tf.constant(new float[] {T_STAR[0]})),
        tf.constant(0)));
    assertEquals(Math.log(8.0 / 3), logW, 1e-6);
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
