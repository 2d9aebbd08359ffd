package org.jgan.training;

import org.jgan.data.BatchSource;
import org.jgan.data.ByteImages;
import org.jgan.data.Dataset;
import org.jgan.data.Examples;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/**
 * The real batches of one fused iteration, as one tensor of {@code count * batch} examples in
 * batch order: copied from the host, or, for a shuffled in-memory set small enough, gathered in
 * the graph from the whole set held there, so each iteration only sends the examples' positions.
 */
abstract class IterationBatches {
  /** The most bytes of stored examples kept in the graph (MNIST: 47 MB, CIFAR-10: 154 MB). */
  static final long MAX_RESIDENT_BYTES = 256L << 20;

  /** The batches read from {@code data}; in the graph when {@code inGraph} and the data allows it. */
  static IterationBatches of(Ops tf, BatchSource data, boolean inGraph) {
    if (inGraph && data instanceof ShuffledBatches shuffled) {
      Examples examples = shuffled.examples();
      long values = (long) examples.size() * examples.exampleSize();
      if (examples instanceof ByteImages images && values <= MAX_RESIDENT_BYTES) {
        return new Resident(tf, shuffled, residentBytes(tf, images));
      }
      if (examples instanceof Dataset set && values * Float.BYTES <= MAX_RESIDENT_BYTES) {
        return new Resident(tf, shuffled, residentFloats(tf, set));
      }
    }
    return new Fed(tf, data);
  }

  /** Whether the examples are held in the graph. */
  abstract boolean inGraph();

  /** The examples of the iteration's batches, [count * batch, example shape...]. */
  abstract Operand<TFloat32> batches();

  /** The input that selects them. */
  abstract Operand<?> input();

  /** The value of {@link #input()} for batches {@code first} .. {@code first + count - 1}; the caller closes it. */
  abstract Tensor feed(long first, int count);

  private static Shape rowsOf(int[] exampleShape) {
    long[] dims = new long[exampleShape.length + 1];
    dims[0] = -1;
    for (int i = 0; i < exampleShape.length; i++) {
      dims[i + 1] = exampleShape[i];
    }
    return Shape.of(dims);
  }

  /** A function from example positions to examples: byte codes mapped through the set's own byte-to-float table. */
  private interface Rows {
    Operand<TFloat32> gather(Operand<TInt32> positions);
  }

  private static Rows residentBytes(Ops tf, ByteImages images) {
    Operand<TUint8> codes;
    try (TUint8 t = TUint8.tensorOf(Shape.of(images.size(), images.exampleSize()), DataBuffers.of(images.codes(), true,
        false))) {
      codes = tf.withName("resident_examples").constantOf(t);
    }
    Operand<TFloat32> table = tf.constant(images.codeValues());
    // The table holds exactly the floats ByteImages.copyExample writes, so a gathered batch equals a filled one bit for bit.
    return positions -> tf.gather(table, tf.dtypes.cast(tf.gather(codes, positions, tf.constant(0)), TInt32.class),
        tf.constant(0));
  }

  private static Rows residentFloats(Ops tf, Dataset set) {
    Operand<TFloat32> values;
    try (TFloat32 t = Tensors.floats(set.values(), set.size(), set.exampleSize())) {
      values = tf.withName("resident_examples").constantOf(t);
    }
    return positions -> tf.gather(values, positions, tf.constant(0));
  }

  /** Batches copied from the host into one fed tensor. */
  private static final class Fed extends IterationBatches {
    private final BatchSource data;
    private final Placeholder<TFloat32> input;
    private float[] batch = new float[0];
    private float[] all = new float[0];

    Fed(Ops tf, BatchSource data) {
      this.data = data;
      this.input = tf.withName("fused_real").placeholder(TFloat32.class, Placeholder.shape(rowsOf(data.exampleShape())));
    }

    @Override
    boolean inGraph() {
      return false;
    }

    @Override
    Operand<TFloat32> batches() {
      return input;
    }

    @Override
    Operand<?> input() {
      return input;
    }

    @Override
    Tensor feed(long first, int count) {
      int size = data.batchSize() * data.exampleSize();
      if (batch.length != size) {
        batch = new float[size];
        all = new float[count * size];
      } else if (all.length != count * size) {
        all = new float[count * size];
      }
      for (int j = 0; j < count; j++) {
        data.fill(first + j, count == 1 ? all : batch);
        if (count > 1) {
          System.arraycopy(batch, 0, all, j * size, size);
        }
      }
      long[] shape = rowsOf(data.exampleShape()).asArray();
      shape[0] = (long) count * data.batchSize();
      return Tensors.floats(all, shape);
    }
  }

  /** Batches gathered in the graph from the whole set, by the positions ShuffledBatches gives. */
  private static final class Resident extends IterationBatches {
    private final ShuffledBatches data;
    private final Placeholder<TInt32> positions;
    private final Operand<TFloat32> batches;

    Resident(Ops tf, ShuffledBatches data, Rows rows) {
      this.data = data;
      this.positions = tf.withName("fused_positions").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      this.batches = tf.reshape(rows.gather(positions), tf.constant(rowsOf(data.exampleShape()).asArray()));
    }

    @Override
    boolean inGraph() {
      return true;
    }

    @Override
    Operand<TFloat32> batches() {
      return batches;
    }

    @Override
    Operand<?> input() {
      return positions;
    }

    @Override
    Tensor feed(long first, int count) {
      int[] chosen = new int[count * data.batchSize()];
      for (int j = 0; j < count; j++) {
        data.indices(first + j, chosen, j * data.batchSize());
      }
      return TInt32.vectorOf(chosen);
    }
  }
}
