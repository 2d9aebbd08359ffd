package org.jgan.eval.metric;

import org.jgan.data.NamedDatasets;
import org.jgan.eval.SampleValues;

/**
 * A generator's outputs as every metric scores them: the one mapping that {@code jgan eval} (of a
 * run's checkpoint or an exported model) and the in-training quality probes share, so that a
 * probe's number is the number {@code jgan eval} gives for the same samples.
 *
 * <ul>
 *   <li>2-D points are scored as generated.
 *   <li>Images are mapped linearly from the generator's scale to [0, 1] and clamped there
 *       ({@link PixelScale#toUnit(float)}): the picture the sample is, compared with real images
 *       that all lie in [0, 1]. A tanh generator never needs the clamp; a generator whose outputs
 *       exceed its range is scored as its pictures show it, not refused mid-training nor scored on
 *       pixels darker than black.
 *   <li>Binary data (0/1 pixels) is scored as one 0/1 draw per pixel from the generator's
 *       probabilities ({@link BernoulliDraws}), keyed by the sampling seed.
 * </ul>
 */
public final class GeneratorSamples {
  private GeneratorSamples() {}

  /**
   * The values metrics score for {@code outputs}, without the checks of {@link Samples}.
   *
   * @param outputs the generator's outputs, row-major [count, example shape...]
   * @param dataset the dataset the generator imitates
   * @param scale the scale of image outputs (ignored for 2-D points)
   * @param seed the sampling seed, which keys the draws of binary data
   * @return the values to score, in a new array unless they are 2-D points
   */
  public static float[] values(float[] outputs, String dataset, PixelScale scale, long seed) {
    if (NamedDatasets.isToy(dataset)) {
      return outputs;
    }
    float[] unit = scale.toUnit(outputs);
    return isBinary(dataset) ? BernoulliDraws.draw(unit, seed) : unit;
  }

  /**
   * The samples metrics score for {@code outputs} ({@link #values}).
   *
   * @param outputs the generator's outputs, row-major [count, example shape...]
   * @param count how many samples {@code outputs} holds
   * @param exampleShape the shape of one sample
   * @param dataset the dataset the generator imitates
   * @param scale the scale of image outputs (ignored for 2-D points)
   * @param seed the sampling seed, which keys the draws of binary data
   * @param source the run, step or model the samples came from, named in errors
   * @return the samples
   * @throws IllegalArgumentException naming {@code source}, for a NaN or infinite output or too few samples
   */
  public static Samples of(float[] outputs, int count, int[] exampleShape, String dataset, PixelScale scale, long seed,
      String source) {
    if (isBinary(dataset)) {
      // A draw turns NaN into 0; refuse it before it is hidden.
      SampleValues.requireFinite(outputs, source);
    }
    return new Samples(values(outputs, dataset, scale, seed), count, exampleShape, dataset, source);
  }

  private static boolean isBinary(String dataset) {
    return NamedDatasets.isDiscrete(dataset) && !NamedDatasets.isMultinomial(dataset);
  }
}
