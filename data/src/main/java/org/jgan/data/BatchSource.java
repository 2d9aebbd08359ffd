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

  /** How a source made by {@link #of} fills batch {@code index} into {@code destination}. */
  @FunctionalInterface
  interface Filler {
    /** Writes batch {@code index} into {@code destination} (length batchSize * exampleSize). */
    void fill(long index, float[] destination);
  }

  /** A source of batches of {@code batchSize} examples shaped {@code exampleShape}, each written by {@code filler}. */
  static BatchSource of(int batchSize, int[] exampleShape, Filler filler) {
    int[] shape = exampleShape.clone();
    return new BatchSource() {
      @Override
      public int batchSize() {
        return batchSize;
      }

      @Override
      public int[] exampleShape() {
        return shape.clone();
      }

      @Override
      public void fill(long index, float[] destination) {
        filler.fill(index, destination);
      }
    };
  }

  /** Number of floats in one example. */
  default int exampleSize() {
    int size = 1;
    for (int d : exampleShape()) {
      size *= d;
    }
    return size;
  }
}
