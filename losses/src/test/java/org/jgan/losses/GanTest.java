package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GAN losses against values computed by hand from fixed logits. */
class GanTest {
  private static final float[] REAL = {2f, -1f, 0.5f};
  private static final float[] FAKE = {-3f, 0f, 1.5f};

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void discriminatorLossIsBinaryCrossEntropy() {
    double expected = 0;
    for (float l : REAL) {
      expected += -Math.log(sigmoid(l)) / REAL.length;
    }
    for (float l : FAKE) {
      expected += -Math.log(1 - sigmoid(l)) / FAKE.length;
    }
    // By hand: -log sigma(2) = 0.126928, -log sigma(-1) = 1.313262, -log sigma(0.5) = 0.474077;
    // -log(1 - sigma(-3)) = 0.048587, -log(1 - sigma(0)) = 0.693147, -log(1 - sigma(1.5)) = 1.701413.
    assertEquals((0.126928 + 1.313262 + 0.474077) / 3 + (0.048587 + 0.693147 + 1.701413) / 3, expected, 1e-5);
    float actual = evaluate(tf -> Gan.discriminatorLoss(tf, tf.constant(REAL), tf.constant(FAKE)));
    assertEquals(expected, actual, 1e-5);
  }

  @Test
  void minimaxGeneratorLossIsLogOneMinusD() {
    double expected = 0;
    for (float l : FAKE) {
      expected += Math.log(1 - sigmoid(l)) / FAKE.length;
    }
    assertEquals(-(0.048587 + 0.693147 + 1.701413) / 3, expected, 1e-5);
    assertEquals(expected, evaluate(tf -> Gan.minimaxGeneratorLoss(tf, tf.constant(FAKE))), 1e-5);
  }

  @Test
  void nonSaturatingGeneratorLossIsMinusLogD() {
    double expected = 0;
    for (float l : FAKE) {
      expected += -Math.log(sigmoid(l)) / FAKE.length;
    }
    // -log sigma(-3) = 3.048587, -log sigma(0) = 0.693147, -log sigma(1.5) = 0.201413
    assertEquals((3.048587 + 0.693147 + 0.201413) / 3, expected, 1e-5);
    assertEquals(expected, evaluate(tf -> Gan.nonSaturatingGeneratorLoss(tf, tf.constant(FAKE))), 1e-5);
  }

  @Test
  void lossesStayFiniteForSaturatedLogits() {
    float[] huge = {200f, -200f};
    float d = evaluate(tf -> Gan.discriminatorLoss(tf, tf.constant(huge), tf.constant(huge)));
    // real: softplus(-200) + softplus(200) over 2 = 100; fake: softplus(200) + softplus(-200) over 2 = 100.
    assertEquals(200.0, d, 1e-3);
    float ns = evaluate(tf -> Gan.nonSaturatingGeneratorLoss(tf, tf.constant(new float[] {-200f})));
    assertEquals(200.0, ns, 1e-3);
    float mm = evaluate(tf -> Gan.minimaxGeneratorLoss(tf, tf.constant(new float[] {200f})));
    assertEquals(-200.0, mm, 1e-3);
    assertTrue(Float.isFinite(evaluate(tf -> Gan.minimaxGeneratorLoss(tf, tf.constant(new float[] {-200f})))));
  }
}
