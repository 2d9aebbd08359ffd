package org.jgan.tools.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jgan.training.GeneratorGraph;

/**
 * Generator outputs drawn by the {@code generate} head (z keyed by [seed, 0] in the graph), from a
 * run's checkpoint or from an exported model, held in memory: both give the same values for the
 * same seed. They are drawn in chunks ({@link SampleStream}); the whole set must fit in one Java
 * array and in half of this JVM's heap, which {@link #requireFits} checks before anything is drawn.
 *
 * @param values row-major [count, example shape...]
 * @param count number of examples
 * @param exampleShape shape of one example
 * @param dataset the dataset the generator was trained on
 * @param images true for images in [0, 1], false for raw 2-D points
 */
public record GeneratedSamples(float[] values, int count, int[] exampleShape, String dataset, boolean images) {
  /** The most values one Java array holds. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * {@code count} samples from the generator of the run in {@code runDir}, restored from its
   * newest checkpoint that restores; each damaged one passed over is reported to {@code skipped}.
   */
  public static GeneratedSamples fromCheckpoint(Path runDir, int count, long seed, Consumer<String> skipped)
      throws IOException {
    return fromCheckpoint(runDir, OptionalLong.empty(), count, seed, skipped);
  }

  /** As {@link #fromCheckpoint(Path, int, long, Consumer)}, or, when {@code step} is present, from the checkpoint of that step alone. */
  public static GeneratedSamples fromCheckpoint(Path runDir, OptionalLong step, int count, long seed,
      Consumer<String> skipped) throws IOException {
    try (SampleStream stream = SampleStream.ofCheckpoint(runDir, step, skipped)) {
      return draw(stream, count, seed, GeneratorGraph.SAMPLES_PER_RUN);
    }
  }

  /** {@code count} samples from the model exported into {@code modelDir}. */
  public static GeneratedSamples fromModel(Path modelDir, int count, long seed) throws IOException {
    try (SampleStream stream = SampleStream.ofModel(modelDir)) {
      return draw(stream, count, seed, GeneratorGraph.SAMPLES_PER_RUN);
    }
  }

  /** {@code count} samples from {@code stream}, {@code chunk} per session run. */
  public static GeneratedSamples draw(SampleStream stream, int count, long seed, int chunk) throws IOException {
    requireFits(count, stream.exampleShape());
    float[] values = new float[count * stream.exampleSize()];
    int[] filled = {0};
    stream.draw(count, seed, chunk, rows -> {
      System.arraycopy(rows, 0, values, filled[0], rows.length);
      filled[0] += rows.length;
    });
    return new GeneratedSamples(values, count, stream.exampleShape(), stream.dataset(), stream.images());
  }

  /**
   * Fails, naming {@code --n}, when {@code count} samples of {@code exampleShape} would not fit in
   * one Java array or in half of this JVM's heap (the metrics copy them).
   */
  public static void requireFits(long count, int[] exampleShape) {
    long size = Arrays.stream(exampleShape).asLongStream().reduce(1, (a, b) -> a * b);
    double bytes = (double) count * size * Float.BYTES;
    long budget = Runtime.getRuntime().maxMemory() / 2;
    if ((double) count * size > MAX_ARRAY || bytes > budget) {
      throw new IllegalArgumentException(String.format(
          "--n %d: %d samples of shape %s take %s in memory, more than this JVM can hold (%s: half its heap,"
              + " and at most %d values in one array)",
          count, count, Arrays.toString(exampleShape), Memory.format(bytes), Memory.format(budget), MAX_ARRAY));
    }
  }

  /** The array shape [count, example shape...]. */
  long[] shape() {
    return shape(count, exampleShape);
  }

  /** The array shape [count, example shape...]. */
  public static long[] shape(long count, int[] exampleShape) {
    long[] shape = new long[exampleShape.length + 1];
    shape[0] = count;
    for (int i = 0; i < exampleShape.length; i++) {
      shape[i + 1] = exampleShape[i];
    }
    return shape;
  }
}
