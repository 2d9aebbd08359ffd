package org.jgan.graphs.models;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Reshape;

/**
 * ReLU multilayer perceptrons for both networks, as in the WGAN-GP toy experiments (three hidden
 * layers of 512 there).
 */
public record Mlp(int width, int depth) implements Architecture {
  /** The name on the command line. */
  public static final String NAME = "mlp";
  /** Hidden units per layer unless set: the WGAN-GP toy experiments' 512. */
  public static final int DEFAULT_WIDTH = 512;
  /** Hidden layers unless set: the WGAN-GP toy experiments' 3. */
  public static final int DEFAULT_DEPTH = 3;

  public Mlp {
    if (width < 1 || depth < 1) {
      throw new IllegalArgumentException("MLP width " + width + " and depth " + depth + " must be positive");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    List<Layer> layers = hidden();
    layers.add(new Dense(Architecture.size(exampleShape)));
    layers.add(output);
    long[] shape = java.util.Arrays.stream(exampleShape).asLongStream().toArray();
    layers.add(new Reshape(shape));
    return layers;
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    List<Layer> layers = hidden();
    layers.add(new Dense(1));
    return layers;
  }

  @Override
  public List<Layer> encoder(int[] exampleShape, int codeDim) {
    List<Layer> layers = hidden();
    layers.add(new Dense(codeDim));
    return layers;
  }

  @Override
  public List<Layer> codeDiscriminator(int codeDim) {
    List<Layer> layers = hidden();
    layers.add(new Dense(1));
    return layers;
  }

  /** Encoder: the hidden stack then a linear code; decoder: the same stack back to the example. */
  @Override
  public List<Layer> autoEncoder(int[] exampleShape, int codeDim) {
    List<Layer> layers = hidden();
    layers.add(new Dense(codeDim));
    layers.addAll(hidden());
    layers.add(new Dense(Architecture.size(exampleShape)));
    layers.add(new Reshape(java.util.Arrays.stream(exampleShape).asLongStream().toArray()));
    return layers;
  }

  private List<Layer> hidden() {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      layers.add(new Dense(width));
      layers.add(Activation.relu());
    }
    return layers;
  }
}
