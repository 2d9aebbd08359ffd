package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** WGAN losses and schedule against hand-computed values. */
class WganTest {
  @Test
  void criticLossIsMeanFakeMinusMeanReal() {
    float[] real = {1f, 2f, 3f, 6f};
    float[] fake = {-1f, 0.5f};
    // mean(fake) - mean(real) = (-0.25) - 3 = -3.25
    assertEquals(-3.25f, evaluate(tf -> Wgan.criticLoss(tf, tf.constant(real), tf.constant(fake))), 1e-6);
  }

  @Test
  void generatorLossIsMinusMeanCriticOfFakes() {
    float[][] fake = {{0.5f}, {1.5f}, {-4f}};
    // -(0.5 + 1.5 - 4) / 3 = 2/3
    assertEquals(2.0 / 3, evaluate(tf -> Wgan.generatorLoss(tf, tf.constant(fake))), 1e-6);
  }

  @Test
  void referenceScheduleRunsHundredCriticStepsEarlyAndEveryFiveHundredth() {
    for (long i = 0; i < 25; i++) {
      assertEquals(100, Wgan.referenceCriticSteps(i), "iteration " + i);
    }
    assertEquals(5, Wgan.referenceCriticSteps(25));
    assertEquals(5, Wgan.referenceCriticSteps(499));
    assertEquals(100, Wgan.referenceCriticSteps(500));
    assertEquals(5, Wgan.referenceCriticSteps(501));
    assertEquals(100, Wgan.referenceCriticSteps(1000));
  }
}
