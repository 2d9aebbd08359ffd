package org.jgan.losses;

import static org.jgan.losses.LossTesting.evaluate;
import static org.jgan.losses.LossTesting.softplus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** alpha-GAN's four losses against values computed by hand. */
class AlphaGanTest {
  // Per-pixel L1: (|1 - 0| + |-2 - 0|) / 2 = 1.5 and (|0 - 1| + |0.5 - 1|) / 2 = 0.75; batch mean 1.125.
  private static final float[][] X = {{1f, -2f}, {0f, 0.5f}};
  private static final float[][] X_HAT = {{0f, 0f}, {1f, 1f}};
  private static final double L1 = 1.125;

  @Test
  void reconstructionErrorIsThePerPixelL1AveragedOverTheBatch() {
    assertEquals(L1, evaluate(tf -> AlphaGan.reconstructionError(tf, tf.constant(X), tf.constant(X_HAT))), 1e-6);
  }

  @Test
  void reconstructionErrorDoesNotGrowWithThePixelCount() {
    // The same examples with every pixel repeated: the per-pixel error stays 1.125.
    float[][] x = {{1f, -2f, 1f, -2f}, {0f, 0.5f, 0f, 0.5f}};
    float[][] xHat = {{0f, 0f, 0f, 0f}, {1f, 1f, 1f, 1f}};
    assertEquals(L1, evaluate(tf -> AlphaGan.reconstructionError(tf, tf.constant(x), tf.constant(xHat))), 1e-6);
  }

  @Test
  void lambdaWeighsTheMeanPixelErrorOfAnMnistImage() {
    // One 28 x 28 image at 0.5 reconstructed as 0: per-pixel error 0.5, so lambda = 10 adds 5
    // (on the per-example sum it added 10 * 392 = 3920); code logit 0.
    float loss = evaluate(tf -> AlphaGan.encoderLoss(tf, 10f,
        tf.fill(tf.constant(new long[] {1, 28, 28, 1}), tf.constant(0.5f)),
        tf.zeros(tf.constant(new long[] {1, 28, 28, 1}), org.tensorflow.types.TFloat32.class),
        tf.constant(new float[] {0f})));
    assertEquals(5.0, loss, 1e-5);
  }

  @Test
  void encoderLossIsWeightedReconstructionMinusCodeLogit() {
    // lambda = 2: 2 * 1.125 - mean(1.5, -0.5) = 2.25 - 0.5 = 1.75
    float loss = evaluate(tf -> AlphaGan.encoderLoss(tf, 2f, tf.constant(X), tf.constant(X_HAT),
        tf.constant(new float[] {1.5f, -0.5f})));
    assertEquals(1.75, loss, 1e-6);
  }

  @Test
  void generatorLossSubtractsBothImageLogits() {
    // lambda = 0.5: 0.5 * 1.125 - mean(1, 3) - mean(-2, 0) = 0.5625 - 2 + 1 = -0.4375
    float loss = evaluate(tf -> AlphaGan.generatorLoss(tf, 0.5f, tf.constant(X), tf.constant(X_HAT),
        tf.constant(new float[] {1f, 3f}), tf.constant(new float[] {-2f, 0f})));
    assertEquals(-0.4375, loss, 1e-6);
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
