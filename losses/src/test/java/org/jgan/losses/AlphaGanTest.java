package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.jgan.losses.LossTesting.softplus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** alpha-GAN's four losses against values computed by hand. */
class AlphaGanTest {
  // Per-example L1: |1 - 0| + |-2 - 0| = 3 and |0 - 1| + |0.5 - 1| = 1.5; batch mean 2.25.
  private static final float[][] X = {{1f, -2f}, {0f, 0.5f}};
  private static final float[][] X_HAT = {{0f, 0f}, {1f, 1f}};
  private static final double L1 = 2.25;

  @Test
  void reconstructionErrorIsThePerExampleL1NormAveragedOverTheBatch() {
    assertEquals(L1, evaluate(tf -> AlphaGan.reconstructionError(tf, tf.constant(X), tf.constant(X_HAT))), 1e-6);
  }

  @Test
  void encoderLossIsWeightedReconstructionMinusCodeLogit() {
    // lambda = 2: 2 * 2.25 - mean(1.5, -0.5) = 4.5 - 0.5 = 4.0
    float loss = evaluate(tf -> AlphaGan.encoderLoss(tf, 2f, tf.constant(X), tf.constant(X_HAT),
        tf.constant(new float[] {1.5f, -0.5f})));
    assertEquals(4.0, loss, 1e-6);
  }

  @Test
  void generatorLossSubtractsBothImageLogits() {
    // lambda = 0.5: 0.5 * 2.25 - mean(1, 3) - mean(-2, 0) = 1.125 - 2 + 1 = 0.125
    float loss = evaluate(tf -> AlphaGan.generatorLoss(tf, 0.5f, tf.constant(X), tf.constant(X_HAT),
        tf.constant(new float[] {1f, 3f}), tf.constant(new float[] {-2f, 0f})));
    assertEquals(0.125, loss, 1e-6);
  }

  @Test
  void imageDiscriminatorCountsReconstructionsAndSamplesAsFake() {
    // -log sigma(2) + -log(1 - sigma(-1)) + -log(1 - sigma(0.5)) = softplus(-2) + softplus(-1) + softplus(0.5)
    // = 0.126928 + 0.313262 + 0.974077
    double expected = softplus(-2) + softplus(-1) + softplus(0.5);
    assertEquals(0.126928 + 0.313262 + 0.974077, expected, 1e-5);
    float loss = evaluate(tf -> AlphaGan.discriminatorLoss(tf, tf.constant(new float[] {2f}),
        tf.constant(new float[] {-1f}), tf.constant(new float[] {0.5f})));
    assertEquals(expected, loss, 1e-5);
  }

  @Test
  void codeDiscriminatorCountsPriorDrawsAsReal() {
    // prior logits {3}: -log sigma(3) = 0.048587; encoded logits {3}: -log(1 - sigma(3)) = 3.048587.
    float loss = evaluate(tf -> AlphaGan.codeDiscriminatorLoss(tf, tf.constant(new float[] {3f}),
        tf.constant(new float[] {3f})));
    assertEquals(0.048587 + 3.048587, loss, 1e-5);
    float swapped = evaluate(tf -> AlphaGan.codeDiscriminatorLoss(tf, tf.constant(new float[] {3f}),
        tf.constant(new float[] {-3f})));
    assertEquals(0.048587 + 0.048587, swapped, 1e-5);
  }
}
