package org.jgan.graphs.models;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Dropout;
import org.jgan.graphs.layers.Reshape;

/**
 * ReLU multilayer perceptrons for both networks, as in the WGAN-GP toy experiments (three hidden
 * layers of 512 there). The generator has its own width and depth; every other network (the
 * discriminator, EBGAN's auto-encoder, alpha-GAN's encoder and code discriminator) has the
 * discriminator's, so the two sides can be sized apart, as the EBGAN paper's grid does.
 *
 * @param generatorWidth hidden units per layer of the generator
 * @param generatorDepth hidden layers of the generator
 * @param discriminatorWidth hidden units per layer of every other network
 * @param discriminatorDepth hidden layers of every other network (EBGAN: of its encoder and of its decoder)
 * @param discriminatorDropout the rate of a {@link Dropout} after every hidden layer of every network but
 *     the generator, in training steps only (the EBGAN paper's dropoutD); 0 for none (no layer added)
 */
public record Mlp(int generatorWidth, int generatorDepth, int discriminatorWidth, int discriminatorDepth,
    float discriminatorDropout) implements Architecture {
  /** The name on the command line. */
  public static final String NAME = "mlp";
  /** Hidden units per layer unless set: the WGAN-GP toy experiments' 512. */
  public static final int DEFAULT_WIDTH = 512;
  /** Hidden layers unless set: the WGAN-GP toy experiments' 3. */
  public static final int DEFAULT_DEPTH = 3;

  public Mlp {
    if (generatorWidth < 1 || generatorDepth < 1 || discriminatorWidth < 1 || discriminatorDepth < 1) {
      throw new IllegalArgumentException("MLP widths " + generatorWidth + ", " + discriminatorWidth + " and depths "
          + generatorDepth + ", " + discriminatorDepth + " must be positive");
    }
    if (!(discriminatorDropout >= 0 && discriminatorDropout < 1)) {
      throw new IllegalArgumentException("dropout rate " + discriminatorDropout + " must be in [0, 1)");
    }
  }

  /** The generator and the other networks sized apart, without dropout. */
  public Mlp(int generatorWidth, int generatorDepth, int discriminatorWidth, int discriminatorDepth) {
    this(generatorWidth, generatorDepth, discriminatorWidth, discriminatorDepth, 0f);
  }

  /** Both networks {@code depth} hidden layers of {@code width} units, without dropout. */
  public Mlp(int width, int depth) {
    this(width, depth, width, depth);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    List<Layer> layers = hidden(generatorWidth, generatorDepth, 0f);
    layers.add(new Dense(Architecture.size(exampleShape)));
    layers.add(output);
    layers.add(new Reshape(shape(exampleShape)));
    return layers;
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    List<Layer> layers = criticHidden();
    layers.add(new Dense(1));
    return layers;
  }

  @Override
  public List<Layer> encoder(int[] exampleShape, int codeDim) {
    List<Layer> layers = criticHidden();
    layers.add(new Dense(codeDim));
    return layers;
  }

  @Override
  public List<Layer> codeDiscriminator(int codeDim) {
    List<Layer> layers = criticHidden();
    layers.add(new Dense(1));
    return layers;
  }

  /**
   * The discriminator's hidden stack from the code back to the example, identity output (EBGAN's
   * decoder): the generator's layer list at the discriminator's size, as before the sizes were split.
   */
  @Override
  public List<Layer> decoder(int codeDim, int[] exampleShape) {
    List<Layer> layers = criticHidden();
    layers.add(new Dense(Architecture.size(exampleShape)));
    layers.add(Activation.identity());
    layers.add(new Reshape(shape(exampleShape)));
    return layers;
  }

  /** Encoder: the hidden stack then a linear code; decoder: the same stack back to the example. */
  @Override
  public List<Layer> autoEncoder(int[] exampleShape, int codeDim) {
    List<Layer> layers = encoder(exampleShape, codeDim);
    layers.addAll(criticHidden());
    layers.add(new Dense(Architecture.size(exampleShape)));
    layers.add(new Reshape(shape(exampleShape)));
    return layers;
  }

  private List<Layer> criticHidden() {
    return hidden(discriminatorWidth, discriminatorDepth, discriminatorDropout);
  }

  private static List<Layer> hidden(int width, int depth, float dropout) {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      layers.add(new Dense(width));
      layers.add(Activation.relu());
      if (dropout > 0) {
        layers.add(new Dropout(dropout));
      }
    }
    return layers;
  }

  private static long[] shape(int[] exampleShape) {
    return java.util.Arrays.stream(exampleShape).asLongStream().toArray();
  }
}
