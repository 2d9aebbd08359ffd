package org.jgan.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * 8-bit images (height x width x channels, row-major) kept as bytes, in memory or memory-mapped,
 * and scaled to floats only when an example is copied out: a dataset costs one byte per pixel
 * rather than four. Storage is a list of buffers, each holding a whole number of images, since one
 * mapping cannot exceed 2 GB.
 */
public final class ByteImages implements Examples {
  private final String name;
  private final int[] shape;
  private final int imageBytes;
  private final List<ByteBuffer> segments;
  private final int perSegment;
  private final int[] indices;
  private final PixelRange range;

  /**
   * Images stored back to back in {@code segments} ({@code perSegment} in every segment but
   * possibly the last), restricted to {@code indices} (null: all of them), scaled to {@code range}.
   */
  public ByteImages(String name, int[] shape, List<ByteBuffer> segments, int perSegment, int[] indices,
      PixelRange range) {
    this.name = name;
    this.shape = shape.clone();
    this.imageBytes = shape[0] * shape[1] * shape[2];
    this.segments = List.copyOf(segments);
    this.perSegment = perSegment;
    this.range = range;
    int stored = 0;
    for (ByteBuffer segment : segments) {
      if (segment.capacity() % imageBytes != 0) {
        throw new DataException(name + ": a storage segment of " + segment.capacity() + " bytes does not hold whole "
            + Arrays.toString(shape) + " images");
      }
      stored += segment.capacity() / imageBytes;
    }
    if (indices == null) {
      indices = new int[stored];
      Arrays.setAll(indices, i -> i);
    }
    for (int index : indices) {
      if (index < 0 || index >= stored) {
        throw new IllegalArgumentException(name + ": image " + index + " outside [0, " + stored + ")");
      }
    }
    this.indices = indices.clone();
  }

  /** The images of {@code bytes} (one heap buffer) scaled to {@code range}. */
  public static ByteImages inMemory(String name, int[] shape, byte[] bytes, PixelRange range) {
    return new ByteImages(name, shape, List.of(ByteBuffer.wrap(bytes)), Integer.MAX_VALUE, null, range);
  }

  /** The same stored images restricted to {@code subset}, positions in this set's own order. */
  public ByteImages subset(String subsetName, int[] subset) {
    int[] chosen = new int[subset.length];
    for (int i = 0; i < subset.length; i++) {
      chosen[i] = indices[subset[i]];
    }
    return new ByteImages(subsetName, shape, segments, perSegment, chosen, range);
  }

  /** The same images scaled to another range. */
  public ByteImages scaledTo(PixelRange other) {
    return new ByteImages(name, shape, segments, perSegment, indices, other);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int[] exampleShape() {
    return shape.clone();
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int exampleSize() {
    return imageBytes;
  }

  @Override
  public void copyExample(int index, float[] destination, int offset) {
    int stored = indices[index];
    ByteBuffer segment = segments.get(stored / perSegment);
    int start = (stored % perSegment) * imageBytes;
    for (int j = 0; j < imageBytes; j++) {
      destination[offset + j] = range.scale(segment.get(start + j) & 0xff);
    }
  }

  /** Every image's bytes, back to back in this set's order: {@code size() * exampleSize()} of them. */
  public byte[] codes() {
    byte[] codes = new byte[indices.length * imageBytes];
    for (int i = 0; i < indices.length; i++) {
      int stored = indices[i];
      ByteBuffer segment = segments.get(stored / perSegment).duplicate();
      segment.position((stored % perSegment) * imageBytes);
      segment.get(codes, i * imageBytes, imageBytes);
    }
    return codes;
  }

  /** The float each byte value 0..255 becomes when an example is copied out. */
  public float[] codeValues() {
    float[] values = new float[256];
    for (int b = 0; b < values.length; b++) {
      values[b] = range.scale(b);
    }
    return values;
  }

  /** Every image as floats in one in-memory {@link Dataset} (for evaluation splits, which metrics read whole). */
  public Dataset toDataset() {
    float[] values = new float[indices.length * imageBytes];
    for (int i = 0; i < indices.length; i++) {
      copyExample(i, values, i * imageBytes);
    }
    return new Dataset(name, shape, values, null);
  }
}
