package org.jgan.training;

import org.jgan.data.BatchSource;
import org.jgan.data.ByteImages;
import org.jgan.data.Dataset;
import org.jgan.data.Examples;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.Tensors;
import java.lang.ref.WeakReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jgan.graphs.GraphContext;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * The real batches of one fused iteration, as one tensor of {@code count * batch} examples in
 * batch order: copied from the host, or, for a shuffled in-memory set small enough, gathered in
 * the graph from the whole set held there, so each iteration only sends the examples' positions.
 *
 * <p>The set is held in a resource variable filled once per session by feeding it, not in a
 * constant: a 47 MB constant was copied by the session's graph conversion and by Grappler's constant
 * folding when the session started (docs/performance.md, "Start-up: the training split in a variable"). A
 * resource variable is not a {@code VariableV2}, so checkpoints (which save those) leave it out.
 */
abstract class IterationBatches {
  /** The most bytes of stored examples kept in the graph (MNIST: 47 MB, CIFAR-10: 154 MB). */
  static final long MAX_RESIDENT_BYTES = 256L << 20;
  /** The name of the variable holding the set. */
  static final String RESIDENT_NAME = "resident_examples";

  /** The batches read from {@code data}; in the graph when {@code inGraph} and the data allows it. */
  static IterationBatches of(GraphContext ctx, Ops tf, BatchSource data, boolean inGraph) {
    if (inGraph && data instanceof ShuffledBatches shuffled) {
      Examples examples = shuffled.examples();
      long values = (long) examples.size() * examples.exampleSize();
      if (examples instanceof ByteImages images && values <= MAX_RESIDENT_BYTES) {
        return new Resident(tf, shuffled, residentBytes(ctx, images));
      }
      if (examples instanceof Dataset set && values * Float.BYTES <= MAX_RESIDENT_BYTES) {
        return new Resident(tf, shuffled, residentFloats(ctx, set));
      }
    }
    return new Fed(tf, data);
  }

  /**
   * Makes the examples available to {@code session}'s runs: the resident set is fed into its
   * variable the first time a session is met (after a checkpoint's restore too, which does not touch it).
   */
  abstract void prepare(Session session);

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

  /**
   * The whole set in a resource variable: {@code gather} reads examples by position, {@code fill}
   * (fed {@code contents} through {@code input}) writes the set into it.
   */
  private record Rows(Function<Operand<TInt32>, Operand<TFloat32>> gather, Placeholder<?> input,
      GraphOperation fill, Supplier<Tensor> contents) {}

  /** A resource variable of {@code type} and {@code shape}, named uniquely, and its fill from a placeholder. */
  private record Store<T extends TType>(VarHandleOp handle, Placeholder<T> input, GraphOperation fill) {
    static <T extends TType> Store<T> of(GraphContext ctx, Class<T> type, Shape shape) {
      Ops tf = ctx.tf();
      String name = ctx.uniqueName(RESIDENT_NAME);
      VarHandleOp handle = tf.withName(name).varHandleOp(type, shape, VarHandleOp.sharedName(name));
      Placeholder<T> input = tf.withName(name + "_input").placeholder(type, Placeholder.shape(shape));
      return new Store<>(handle, input, (GraphOperation) tf.withName(name + "_fill").assignVariableOp(handle, input).op());
    }

    /** The rows at {@code positions}. */
    Operand<T> gather(Ops tf, Operand<TInt32> positions, Class<T> type) {
      return tf.resourceGather(handle, positions, type);
    }
  }

  private static Rows residentBytes(GraphContext ctx, ByteImages images) {
    Ops tf = ctx.tf();
    Shape shape = Shape.of(images.size(), images.exampleSize());
    Store<TUint8> store = Store.of(ctx, TUint8.class, shape);
    Operand<TFloat32> table = tf.constant(images.codeValues());
    // The table holds exactly the floats ByteImages.copyExample writes, so a gathered batch equals a filled one bit for bit.
    return new Rows(positions -> tf.gather(table, tf.dtypes.cast(store.gather(tf, positions, TUint8.class), TInt32.class),
        tf.constant(0)), store.input(), store.fill(), () -> TUint8.tensorOf(shape, DataBuffers.of(images.codes(), true, false)));
  }

  private static Rows residentFloats(GraphContext ctx, Dataset set) {
    Ops tf = ctx.tf();
    Store<TFloat32> store = Store.of(ctx, TFloat32.class, Shape.of(set.size(), set.exampleSize()));
    return new Rows(positions -> store.gather(tf, positions, TFloat32.class), store.input(), store.fill(),
        () -> Tensors.floats(set.values(), set.size(), set.exampleSize()));
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
    void prepare(Session session) {}

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
    private final Rows rows;
    private final Placeholder<TInt32> positions;
    private final Operand<TFloat32> batches;
    /** The session whose variable holds the set; weak, so a closed session is not kept. */
    private WeakReference<Session> filled = new WeakReference<>(null);

    Resident(Ops tf, ShuffledBatches data, Rows rows) {
      this.data = data;
      this.rows = rows;
      this.positions = tf.withName("fused_positions").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      this.batches = tf.reshape(rows.gather().apply(positions), tf.constant(rowsOf(data.exampleShape()).asArray()));
    }

    @Override
    boolean inGraph() {
      return true;
    }

    @Override
    void prepare(Session session) {
      if (filled.get() == session) {
        return;
      }
      try (Tensor contents = rows.contents().get()) {
        session.runner().feed(rows.input(), contents).addTarget(rows.fill()).run();
      }
      filled = new WeakReference<>(session);
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
