package org.jgan.graphs.layers;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The product of one-hot rows with a matrix, given the rows as category indices: categories
 * [N, P] (each in [0, K)) and a matrix W [P x K, U] give the [N, U] product of the [N, P x K]
 * one-hot matrix with W, row n the sum of the P rows p x K + categories[n, p] of W.
 *
 * <p>It runs as TensorFlow's {@code SparseMatMul} with {@code a_is_sparse}: the one-hot matrix is
 * 1/K full, and that kernel skips its zeros in cache-sized blocks over the intra-op threads.
 * On 2 cores it took about two thirds of the dense product's time at quantised MNIST's size
 * ([1280 x 12544] by [12544 x 512]); the single-threaded sparse kernels ({@code SparseSegmentSum},
 * {@code SparseTensorDenseMatMul}, CSR products), which never make the one-hot matrix, took
 * 1.3 to 2 times the dense product's: summing gathered rows is bound by memory, not arithmetic.
 * The C API has no gradient for {@code SparseMatMul}; {@link #registerGradient()} adds one.
 */
public final class OneHotProduct {
  private static final String OP = "SparseMatMul";
  private static boolean registered;

  private OneHotProduct() {}

  /** The [N, U] product described above, of {@code categories} [N, P] with {@code weights} [P x K, U]. */
  public static Operand<TFloat32> times(Ops tf, Operand<TInt32> categories, int k, Operand<TFloat32> weights) {
    registerGradient();
    long positions = categories.shape().size(1);
    Operand<TFloat32> oneHot = tf.reshape(tf.oneHot(categories, tf.constant(k), tf.constant(1f), tf.constant(0f)),
        tf.constant(new long[] {-1, positions * k}));
    return sparseMatMul(tf, oneHot, weights, false, true, false);
  }

  /** {@code a x b}, {@code a} transposed first where asked; {@code aIsSparse} tells the kernel a is mostly zeros. */
  private static Operand<TFloat32> sparseMatMul(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean transposeA,
      boolean aIsSparse, boolean transposeB) {
    GraphOperation op = (GraphOperation) tf.scope().opBuilder(OP, OP)
        .addInput(a.asOutput())
        .addInput(b.asOutput())
        .setAttr("transpose_a", transposeA)
        .setAttr("transpose_b", transposeB)
        .setAttr("a_is_sparse", aIsSparse)
        .setAttr("b_is_sparse", false)
        .setAttr("Ta", DataType.DT_FLOAT)
        .setAttr("Tb", DataType.DT_FLOAT)
        .build();
    return op.output(0);
  }

  /**
   * Registers the gradient of {@code SparseMatMul} as this class builds it (no transposes):
   * for y = a b, dy/db = a^T dy (a sparse product again, a still mostly zeros) and dy/da = dy b^T.
   * Process-wide and idempotent; it must precede the first {@code addGradients} through the op.
   */
  static synchronized void registerGradient() {
    if (registered) {
      return;
    }
    TensorFlow.registerCustomGradient(OP, (tf, op, upstream) -> {
      if (op.attributes().getAttrBool("transpose_a") || op.attributes().getAttrBool("transpose_b")) {
        throw new IllegalStateException(OP + " gradient: only the untransposed form built by OneHotProduct is supported");
      }
      Operand<TFloat32> dy = cast(upstream.get(0));
      Operand<TFloat32> a = cast(op.input(0));
      Operand<TFloat32> b = cast(op.input(1));
      Operand<TFloat32> da = tf.linalg.matMul(dy, b, org.tensorflow.op.linalg.MatMul.transposeB(true));
      Operand<TFloat32> db = sparseMatMul(tf, a, dy, true, op.attributes().getAttrBool("a_is_sparse"), false);
      return List.of(da, db);
    });
    registered = true;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Operand<?> operand) {
    return (Operand<TFloat32>) operand;
  }
}
