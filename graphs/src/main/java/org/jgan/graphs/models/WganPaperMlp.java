package org.jgan.graphs.models;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;

/**
 * The WGAN paper's MLP generator (Arjovsky et al. 2017, Figure 3 upper left: "an MLP with 4 hidden
 * layers and 512 units at each layer"), as its code's {@code MLP_G} builds it
 * (martinarjovsky/WassersteinGAN, {@code models/mlp.py}): ReLU hidden layers and a <em>linear</em>
 * output layer, no tanh (the code's default is 3 hidden layers of {@code ngf}; the depth here is a
 * flag, 4 unless set, as the paper's text has it). jgan's {@link Mlp} generator ends in the run's
 * output activation (tanh for [-1, 1] pixels); against the DCGAN critic with WGAN's clipping it
 * collapsed within 500 iterations to one image saturated at +-1, where tanh passes no gradient. Every
 * other network is {@link Mlp}'s at the same size (the code's {@code MLP_D} is that MLP).
 *
 * @param width hidden units per layer
 * @param depth hidden layers
 */
public record WganPaperMlp(int width, int depth) implements Architecture {
  /** The name on the command line. */
  public static final String NAME = "wgan-mlp";
  /** The paper's 512 units per hidden layer. */
  public static final int DEFAULT_WIDTH = 512;
  /** The paper's 4 hidden layers. */
  public static final int DEFAULT_DEPTH = 4;

  public WganPaperMlp {
    if (width < 1 || depth < 1) {
      throw new IllegalArgumentException("MLP width " + width + " and depth " + depth + " must be positive");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Hidden ReLU layers, then a linear layer to the example's size: {@code output} is not applied. */
  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    return mlp().generator(zDim, exampleShape, Activation.identity());
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    return mlp().discriminator(exampleShape);
  }

  @Override
  public List<Layer> encoder(int[] exampleShape, int codeDim) {
    return mlp().encoder(exampleShape, codeDim);
  }

  @Override
  public List<Layer> codeDiscriminator(int codeDim) {
    return mlp().codeDiscriminator(codeDim);
  }

  @Override
  public List<Layer> decoder(int codeDim, int[] exampleShape) {
    return mlp().decoder(codeDim, exampleShape);
  }

  @Override
  public List<Layer> autoEncoder(int[] exampleShape, int codeDim) {
    return mlp().autoEncoder(exampleShape, codeDim);
  }

  private Mlp mlp() {
    return new Mlp(width, depth);
  }
}
