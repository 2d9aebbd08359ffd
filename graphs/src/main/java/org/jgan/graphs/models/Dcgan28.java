package org.jgan.graphs.models;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Conv2d;
import org.jgan.graphs.layers.Conv2dTranspose;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Reshape;

/**
 * The reference DCGAN for 28x28 images (the benchmark network).
 * G: dense z -> 7*7*64, ReLU; deconv 64->32, k4 s2 (14x14), ReLU; deconv 32->C, k4 s2 (28x28), output.
 * D: conv C->32, k4 s2 (14x14), LeakyReLU 0.2; conv 32->64, k4 s2 (7x7), LeakyReLU 0.2; dense 3136->1.
 * Encoder: D's convolutions with a dense 3136->codeDim head; auto-encoder: the encoder, then G with
 * an identity output as the decoder (the default {@link Architecture#autoEncoder}).
 * Biases on every layer.
 */
public record Dcgan28() implements Architecture {
  /** The name on the command line. */
  public static final String NAME = "dcgan28";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    int channels = check(exampleShape);
    return List.of(
        new Dense(7 * 7 * 64),
        Activation.relu(),
        new Reshape(7, 7, 64),
        new Conv2dTranspose(32, 4, 2),
        Activation.relu(),
        new Conv2dTranspose(channels, 4, 2),
        output);
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    check(exampleShape);
    return List.of(
        new Conv2d(32, 4, 2),
        Activation.leakyRelu(0.2f),
        new Conv2d(64, 4, 2),
        Activation.leakyRelu(0.2f),
        new Dense(1));
  }

  /** The discriminator's convolutions, then a linear code: D with a {@code codeDim}-unit head. */
  @Override
  public List<Layer> encoder(int[] exampleShape, int codeDim) {
    check(exampleShape);
    return List.of(
        new Conv2d(32, 4, 2),
        Activation.leakyRelu(0.2f),
        new Conv2d(64, 4, 2),
        Activation.leakyRelu(0.2f),
        new Dense(codeDim));
  }

  /** Codes are vectors, so the code discriminator is a small MLP: two hidden layers of 512, LeakyReLU 0.2. */
  @Override
  public List<Layer> codeDiscriminator(int codeDim) {
    return List.of(
        new Dense(512),
        Activation.leakyRelu(0.2f),
        new Dense(512),
        Activation.leakyRelu(0.2f),
        new Dense(1));
  }

  /** Requires 28x28xC example shapes; returns C. */
  static int check(int[] shape) {
    if (shape.length != 3 || shape[0] != 28 || shape[1] != 28) {
      throw new IllegalArgumentException("dcgan28 needs 28x28xC images, got example shape "
          + java.util.Arrays.toString(shape));
    }
    return shape[2];
  }
}
