package org.jgan.graphs.models;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.BatchNorm;
import org.jgan.graphs.layers.Conv2d;
import org.jgan.graphs.layers.Conv2dTranspose;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.LayerNorm;
import org.jgan.graphs.layers.Reshape;

/**
 * {@link Dcgan28} with batch normalisation, as DCGAN uses it: after every generator layer but the
 * output, and after the discriminator's second convolution (not on its input layer). The WGAN
 * paper compares GAN and WGAN with and without it, but its "without batch norm" run removes it from
 * the generator only (the critic keeps it); {@link Dcgan28} has it in neither network. WGAN-GP
 * refuses this architecture: its paper forbids batch norm in the critic.
 * Encoder (alpha-GAN): the discriminator's convolutions with layer norm in place of its batch norm,
 * as {@link Dcgan}'s encoders, so a code depends on its own image only; code discriminator:
 * {@link Dcgan28}'s MLP.
 */
public record Dcgan28Bn() implements Architecture {
  /** The name on the command line. */
  public static final String NAME = "dcgan28-bn";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    int channels = Dcgan28.check(exampleShape);
    return List.of(
        new Dense(7 * 7 * 64), new BatchNorm(), Activation.relu(),
        new Reshape(7, 7, 64),
        new Conv2dTranspose(32, 4, 2), new BatchNorm(), Activation.relu(),
        new Conv2dTranspose(channels, 4, 2),
        output);
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    Dcgan28.check(exampleShape);
    return List.of(
        new Conv2d(32, 4, 2), Activation.leakyRelu(0.2f),
        new Conv2d(64, 4, 2), new BatchNorm(), Activation.leakyRelu(0.2f),
        new Dense(1));
  }

  @Override
  public List<Layer> encoder(int[] exampleShape, int codeDim) {
    Dcgan28.check(exampleShape);
    return List.of(
        new Conv2d(32, 4, 2), Activation.leakyRelu(0.2f),
        new Conv2d(64, 4, 2), new LayerNorm(), Activation.leakyRelu(0.2f),
        new Dense(codeDim));
  }

  @Override
  public List<Layer> codeDiscriminator(int codeDim) {
    return new Dcgan28().codeDiscriminator(codeDim);
  }
}
