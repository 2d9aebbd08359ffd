package org.jgan.data;

/**
 * Mini-batches addressed by index: batch {@code i} is a pure function of the source's seed and
 * {@code i}, so training resumes at any step with the same data order and keeps no cursor state.
 */
public interface BatchSource {
  /** Number of examples in a batch. */
  int batchSize();

  /** Shape of one example. */
  int[] exampleShape();

  /** Fills {@code destination} (length batchSize * exampleSize) with batch {@code index}. */
  void fill(long index, float[] destination);

  /** Number of floats in one example. */
  default int exampleSize() {
    int size = 1;
    for (int d : exampleShape()) {
      size *= d;
    }
    return size;
  }
}
