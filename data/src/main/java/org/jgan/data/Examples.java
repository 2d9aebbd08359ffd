package org.jgan.data;

/**
 * A finite, indexed set of examples of one shape, read as floats one example at a time; an
 * in-memory {@link Dataset} or 8-bit images that stay 8-bit until a batch is filled
 * ({@link ByteImages}).
 */
public interface Examples {
  /** Human-readable name for logs and errors. */
  String name();

  /** Shape of one example. */
  int[] exampleShape();

  /** Number of examples. */
  int size();

  /** Number of floats in one example. */
  int exampleSize();

  /** Copies example {@code index}, as floats, into {@code destination} starting at {@code offset}. */
  void copyExample(int index, float[] destination, int offset);
}
