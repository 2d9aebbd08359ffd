package org.jgan.eval.metric;

import java.util.Arrays;
import java.util.List;
import org.jgan.data.NamedDatasets;
import org.jgan.data.TextSequences;
import org.jgan.eval.SampleValues;

/**
 * A set of samples to evaluate: row-major values [count, example shape...], images in [0, 1]
 * (NHWC) or raw 2-D points, or text strings. The constructor refuses what no metric can score:
 * fewer than {@link #MIN_COUNT} samples, NaN or infinite values, images outside [0, 1].
 */
public final class Samples {
  /** The fewest samples evaluated: diversity and the critic's halves need two. */
  public static final int MIN_COUNT = 2;

  private final float[] values;
  private final int count;
  private final int[] exampleShape;
  private final String dataset;
  private final String source;
  private final List<String> lines;

  /**
   * Numeric samples of a dataset.
   *
   * @param values the samples, flattened row-major
   * @param count how many samples {@code values} holds
   * @param exampleShape the shape of one sample
   * @param dataset the dataset the samples imitate
   * @param source the file or run they came from, named in errors
   * @throws IllegalArgumentException naming the source, for too few samples or a value no metric can score
   */
  public Samples(float[] values, int count, int[] exampleShape, String dataset, String source) {
    this(values, count, exampleShape, dataset, source, null);
    if (count < MIN_COUNT) {
      throw new IllegalArgumentException(source + ": " + count + (count == 1 ? " sample" : " samples")
          + "; evaluation needs at least " + MIN_COUNT);
    }
    if (NamedDatasets.isToy(dataset)) {
      SampleValues.requireFinite(values, source);
    } else {
      SampleValues.requireWithin(values, 0, 1, "[0, 1]", source);
    }
  }

  private Samples(float[] values, int count, int[] exampleShape, String dataset, String source, List<String> lines) {
    this.values = values;
    this.count = count;
    this.exampleShape = exampleShape;
    this.dataset = dataset;
    this.source = source;
    this.lines = lines;
  }

  /**
   * Text samples, one string each, of a text dataset.
   *
   * @param lines the strings
   * @param dataset the text dataset they imitate
   * @param source the file or run they came from
   */
  public static Samples text(List<String> lines, String dataset, String source) {
    return new Samples(new float[0], lines.size(), new int[0], dataset, source, List.copyOf(lines));
  }

  /** The values, flattened row-major (empty for text given as strings). */
  public float[] values() {
    return values;
  }

  /** How many samples there are. */
  public int count() {
    return count;
  }

  /** The shape of one sample. */
  public int[] exampleShape() {
    return exampleShape;
  }

  /** The dataset the samples imitate. */
  public String dataset() {
    return dataset;
  }

  /** The file or run the samples came from. */
  public String source() {
    return source;
  }

  /** The kind of data they are. */
  public DataKind kind() {
    return DataKind.of(dataset);
  }

  /**
   * Text samples as strings: the ones given, or a character generator's one-hot output decoded
   * (arg-max per position, pads dropped).
   */
  public List<String> lines() {
    return lines != null ? lines : TextSequences.decode(values, count);
  }

  /** The first {@code n} samples (all of them when there are no more). */
  public Samples first(int n) {
    if (n >= count) {
      return this;
    }
    if (lines != null) {
      return text(lines.subList(0, n), dataset, source);
    }
    int size = values.length / count;
    return new Samples(Arrays.copyOf(values, n * size), n, exampleShape, dataset, source);
  }
}
