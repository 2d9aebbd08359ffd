package org.jgan.graphs.models;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;

/** A family of generator and discriminator networks for data of a given example shape. */
public interface Architecture {
  /** The name used on the command line. */
  String name();

  /** Layers mapping z [N, zDim] to examples [N, exampleShape...], ending in {@code output}. */
  List<Layer> generator(int zDim, int[] exampleShape, Activation output);

  /** Layers mapping examples to one logit (or critic value) per example, shape [N, 1]. */
  List<Layer> discriminator(int[] exampleShape);

  /** Layers mapping examples to codes [N, codeDim] (alpha-GAN's encoder). */
  default List<Layer> encoder(int[] exampleShape, int codeDim) {
    throw new UnsupportedOperationException("architecture '" + name() + "' has no encoder");
  }

  /** Layers mapping codes [N, codeDim] to one logit per code (alpha-GAN's code discriminator). */
  default List<Layer> codeDiscriminator(int codeDim) {
    throw new UnsupportedOperationException("architecture '" + name() + "' has no code discriminator");
  }

  /**
   * Layers mapping codes [N, codeDim] back to examples with no output activation (an
   * auto-encoder's second half); by default the generator with an identity output.
   */
  default List<Layer> decoder(int codeDim, int[] exampleShape) {
    return generator(codeDim, exampleShape, org.jgan.graphs.layers.Activation.identity());
  }

  /**
   * Layers mapping examples to reconstructions of the same shape through a bottleneck of
   * {@code codeDim} units (EBGAN's auto-encoder discriminator); by default the encoder followed
   * by the decoder.
   */
  default List<Layer> autoEncoder(int[] exampleShape, int codeDim) {
    List<Layer> layers = new java.util.ArrayList<>(encoder(exampleShape, codeDim));
    layers.addAll(decoder(codeDim, exampleShape));
    return layers;
  }

  /**
   * The architecture called {@code name} at its default width and depth ({@link NamedArchitecture}).
   *
   * @throws IllegalArgumentException "unknown model 'x' (known: ...)" when jgan knows none
   */
  static Architecture named(String name) {
    return NamedArchitecture.named(name).withDefaults();
  }

  /** Number of floats in one example. */
  static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
