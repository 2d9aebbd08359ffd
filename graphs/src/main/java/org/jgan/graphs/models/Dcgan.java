package org.jgan.graphs.models;

import java.util.ArrayList;
import java.util.Arrays;
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
 * DCGAN (Radford et al. 2016) for {@code size} x {@code size} images, size 32 or 64.
 * G: dense z -> 4x4x(base * size/8), batch norm, ReLU; stride-2 transposed convolutions (kernel 4)
 * halving the channels and doubling the side, each with batch norm and ReLU, up to
 * size/2 x size/2 x base; a last stride-2 transposed convolution to C channels and the output
 * activation. For 64 pixels that is 4x4x512, 8x8x256, 16x16x128, 32x32x64, 64x64xC, the paper's
 * shapes; for 32 pixels 4x4x256, 8x8x128, 16x16x64, 32x32xC.
 * D: stride-2 convolutions (kernel 4) doubling the channels from {@code base} down to 4x4, leaky
 * ReLU 0.2, then a dense logit. Every convolution but the first is normalised: with batch norm in
 * the {@code -bn} variants (DCGAN's discriminator), with layer norm otherwise, which keeps each
 * score a function of its own example, as WGAN-GP's per-example penalty needs.
 * Encoder: D's convolutions (with layer norm) and a dense code head; code discriminator: an MLP of
 * two 512-unit leaky-ReLU layers.
 *
 * @param size image side: 32 or 64
 * @param batchNormCritic batch norm in the discriminator (else layer norm)
 * @param base channels of D's first and G's last hidden layer (64 in the paper)
 */
public record Dcgan(int size, boolean batchNormCritic, int base) implements Architecture {
  /** The paper's width, 64 channels. */
  public static final int BASE = 64;

  public Dcgan {
    if (size != 32 && size != 64) {
      throw new IllegalArgumentException("DCGAN is built for 32 or 64 pixels, not " + size);
    }
    if (base < 1) {
      throw new IllegalArgumentException("DCGAN base width must be at least 1, got " + base);
    }
  }

  /**
   * The DCGAN called {@code name} in {@link NamedArchitecture} ({@code dcgan32}, {@code dcgan64},
   * each also {@code -bn}) with {@code base} channels.
   */
  public static Dcgan named(String name, int base) {
    if (NamedArchitecture.named(name).build(base, 1) instanceof Dcgan dcgan) {
      return dcgan;
    }
    throw new IllegalArgumentException("'" + name + "' is not a DCGAN of 32 or 64 pixels");
  }

  @Override
  public String name() {
    return "dcgan" + size + (batchNormCritic ? "-bn" : "");
  }

  /** Stride-2 stages between 4x4 and the image: 3 for 32 pixels, 4 for 64. */
  private int stages() {
    return Integer.numberOfTrailingZeros(size / 4);
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    int channels = check(exampleShape);
    int width = base << (stages() - 1);
    List<Layer> layers = new ArrayList<>(List.of(new Dense(4 * 4 * width), new BatchNorm(), Activation.relu(),
        new Reshape(4, 4, width)));
    for (int stage = 1; stage < stages(); stage++) {
      width /= 2;
      layers.addAll(List.of(new Conv2dTranspose(width, 4, 2), new BatchNorm(), Activation.relu()));
    }
    layers.add(new Conv2dTranspose(channels, 4, 2));
    layers.add(output);
    return layers;
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    check(exampleShape);
    List<Layer> layers = convolutions(batchNormCritic);
    layers.add(new Dense(1));
    return layers;
  }

  @Override
  public List<Layer> encoder(int[] exampleShape, int codeDim) {
    check(exampleShape);
    List<Layer> layers = convolutions(false);
    layers.add(new Dense(codeDim));
    return layers;
  }

  @Override
  public List<Layer> codeDiscriminator(int codeDim) {
    return List.of(new Dense(512), Activation.leakyRelu(0.2f), new Dense(512), Activation.leakyRelu(0.2f),
        new Dense(1));
  }

  private List<Layer> convolutions(boolean batchNorm) {
    List<Layer> layers = new ArrayList<>();
    int width = base;
    for (int stage = 0; stage < stages(); stage++, width *= 2) {
      layers.add(new Conv2d(width, 4, 2));
      if (stage > 0) {
        layers.add(batchNorm ? new BatchNorm() : new LayerNorm());
      }
      layers.add(Activation.leakyRelu(0.2f));
    }
    return layers;
  }

  /** Requires size x size x C example shapes; returns C. */
  private int check(int[] shape) {
    if (shape.length != 3 || shape[0] != size || shape[1] != size) {
      throw new IllegalArgumentException(name() + " needs " + size + "x" + size + "xC images, got example shape "
          + Arrays.toString(shape));
    }
    return shape[2];
  }
}
