package org.jgan.data;

import java.util.Arrays;

/**
 * An in-memory dataset of float examples, stored row-major: example {@code i} occupies
 * {@code values[i * exampleSize() .. (i + 1) * exampleSize())}.
 *
 * @param name human-readable name used in logs and errors
 * @param exampleShape shape of one example, for example {@code [28, 28, 1]} (NHWC) or {@code [2]}
 * @param values all examples, row-major
 * @param labels class label per example, or {@code null} when the data has none
 */
public record Dataset(String name, int[] exampleShape, float[] values, int[] labels) implements Examples {
  public Dataset {
    int size = Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
    if (size <= 0 || values.length % size != 0) {
      throw new DataException(name + ": " + values.length + " values do not divide into examples of shape "
          + Arrays.toString(exampleShape));
    }
    if (labels != null && labels.length != values.length / size) {
      throw new DataException(name + ": " + labels.length + " labels for " + values.length / size + " examples");
    }
  }

  /** Number of floats in one example. */
  @Override
  public int exampleSize() {
    return Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
  }

  /** Number of examples. */
  @Override
  public int size() {
    return values.length / exampleSize();
  }

  /** Copies example {@code index} into {@code destination} starting at {@code offset}. */
  @Override
  public void copyExample(int index, float[] destination, int offset) {
    int n = exampleSize();
    System.arraycopy(values, index * n, destination, offset, n);
  }

  /** The examples {@code [from, to)} as a new dataset. */
  public Dataset slice(int from, int to) {
    int n = exampleSize();
    return new Dataset(name, exampleShape, Arrays.copyOfRange(values, from * n, to * n),
        labels == null ? null : Arrays.copyOfRange(labels, from, to));
  }
}
