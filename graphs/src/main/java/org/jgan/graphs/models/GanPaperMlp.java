package org.jgan.graphs.models;

import java.util.List;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Dropout;
import org.jgan.graphs.layers.Maxout;
import org.jgan.graphs.layers.Reshape;

/**
 * The GAN paper's MNIST network shapes (Goodfellow et al. 2014, the released pylearn2 mnist.yaml):
 * G: z (100-d) -> ReLU 1200 -> ReLU 1200 -> sigmoid 784, weights U[-0.05, 0.05];
 * D: dropout 0.2 on the input -> maxout 240 x 5 pieces -> dropout 0.5 -> maxout 240 x 5 ->
 * dropout 0.5 -> one logit, weights U[-0.005, 0.005]. Images are in [0, 1].
 *
 * <p>The paper's sigmoid output layer starts with each pixel's bias at the logit of that pixel's
 * mean over the training images (init_sigmoid_bias_from_marginals); {@link #withOutputBias} with
 * {@code org.jgan.data.PixelMarginals.sigmoidBias(trainingSplit)} does that, where the default
 * starts every bias at zero. Its z is U(-sqrt(3), sqrt(3))^100, the prior
 * {@code uniform-unit-variance}.
 *
 * @param outputBias initial biases of the output layer, one per pixel; null for zeros
 */
public record GanPaperMlp(float[] outputBias) implements Architecture {
  /** The name on the command line. */
  public static final String NAME = "gan-mlp";

  /** The networks with the output biases at zero. */
  public GanPaperMlp() {
    this(null);
  }

  /** The same networks with the output layer's biases starting at {@code bias}, one per pixel. */
  public GanPaperMlp withOutputBias(float[] bias) {
    return new GanPaperMlp(bias.clone());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
    int pixels = Architecture.size(exampleShape);
    if (outputBias != null && outputBias.length != pixels) {
      throw new IllegalArgumentException(outputBias.length + " output biases for examples of " + pixels + " values");
    }
    Initializer init = Initializer.uniform(0.05f);
    return List.of(
        new Dense(1200, init, true), Activation.relu(),
        new Dense(1200, init, true), Activation.relu(),
        new Dense(pixels, init, true, outputBias == null ? null : Initializer.values(outputBias)), output,
        new Reshape(java.util.Arrays.stream(exampleShape).asLongStream().toArray()));
  }

  @Override
  public List<Layer> discriminator(int[] exampleShape) {
    Initializer init = Initializer.uniform(0.005f);
    return List.of(
        new Dropout(0.2f),
        new Maxout(240, 5, init), new Dropout(0.5f),
        new Maxout(240, 5, init), new Dropout(0.5f),
        new Dense(1, init, true));
  }
}
