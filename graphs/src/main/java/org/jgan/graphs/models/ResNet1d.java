package org.jgan.graphs.models;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Conv1d;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Reshape;
import org.jgan.graphs.layers.ResidualBlock1d;

/**
 * 1-D convolutional ResNets for sequences [L, K] (the WGAN-GP language model, Gulrajani et al.
 * 2017): G: z -> dense L * width -> [L, width] -> {@code blocks} residual blocks -> kernel-1
 * convolution to K channels, then the output; D: kernel-1 convolution to width -> blocks ->
 * dense to one logit.
 */
public record ResNet1d(int width, int blocks) implements Architecture {
  /** The name on the command line. */
  public static final String NAME = "resnet1d";
  /** Channels unless set: the WGAN-GP language model's 512. */
  public static final int DEFAULT_WIDTH = 512;
  /** Residual blocks unless set. */
  public static final int DEFAULT_BLOCKS = 3;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    check(exampleShape);
    List<Layer> layers = new ArrayList<>();
    layers.add(new Dense(exampleShape[0] * width));
    layers.add(new Reshape(exampleShape[0], width));
    for (int i = 0; i < blocks; i++) {
      layers.add(new ResidualBlock1d(width));
    }
    layers.add(new Conv1d(exampleShape[1], 1));
    layers.add(output);
    return layers;
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    check(exampleShape);
    List<Layer> layers = new ArrayList<>();
    layers.add(new Conv1d(width, 1));
    for (int i = 0; i < blocks; i++) {
      layers.add(new ResidualBlock1d(width));
    }
    layers.add(new Dense(1));
    return layers;
  }

  private static void check(int[] shape) {
    if (shape.length != 2) {
      throw new IllegalArgumentException("resnet1d needs sequences [length, channels], got example shape "
          + java.util.Arrays.toString(shape));
    }
  }
}
