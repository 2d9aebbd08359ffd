package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Continuous BGAN's losses against values computed by hand. */
class BganTest {
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
