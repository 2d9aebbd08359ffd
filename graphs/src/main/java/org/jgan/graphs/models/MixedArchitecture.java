package org.jgan.graphs.models;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;

/**
 * The generator of one architecture against every other network of another: the discriminator,
 * EBGAN's auto-encoder, alpha-GAN's encoder and code discriminator all come from
 * {@code criticSide}. The WGAN paper's Figures 3-4 need it: an MLP generator (4 hidden layers of 512)
 * against a DCGAN critic (Arjovsky et al. 2017). Built by {@link NamedArchitecture#mixed}, which
 * refuses pairs that cannot meet (a sequence generator against an image critic).
 *
 * @param generatorSide the architecture whose generator is used
 * @param criticSide the architecture of every other network
 */
public record MixedArchitecture(Architecture generatorSide, Architecture criticSide) implements Architecture {
  /** Written between the two names in {@link #name()}: generator first, then critic. */
  public static final String SEPARATOR = "+";

  /** {@code GENERATOR+CRITIC}, e.g. {@code mlp+dcgan28-bn}. */
  @Override
  public String name() {
    return generatorSide.name() + SEPARATOR + criticSide.name();
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    return generatorSide.generator(zDim, exampleShape, output);
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    return criticSide.discriminator(exampleShape);
  }

  @Override
  public List<Layer> encoder(int[] exampleShape, int codeDim) {
    return criticSide.encoder(exampleShape, codeDim);
  }

  @Override
  public List<Layer> codeDiscriminator(int codeDim) {
    return criticSide.codeDiscriminator(codeDim);
  }

  /** The critic side's decoder: EBGAN's auto-encoder is a critic, whatever generator it scores. */
  @Override
  public List<Layer> decoder(int codeDim, int[] exampleShape) {
    return criticSide.decoder(codeDim, exampleShape);
  }

  @Override
  public List<Layer> autoEncoder(int[] exampleShape, int codeDim) {
    return criticSide.autoEncoder(exampleShape, codeDim);
  }
}
