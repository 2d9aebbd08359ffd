package org.jgan.graphs;

import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The reductions a loss is written with. Each works on a tensor of any rank, so a loss line reads
 * like its paper's expectation: E[softplus(l)] is {@code mean(tf, tf.math.softplus(l))}.
 */
public final class Reductions {
  private Reductions() {}

  /** The mean over every axis: a scalar (an expectation over the batch and every other axis). */
  public static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, allAxes(tf, x));
  }

  /** The sum over every axis: a scalar. */
  public static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(x, allAxes(tf, x));
  }

  /** The sum over every axis but the first (the batch): one value per example, shape [batch]. */
  public static Operand<TFloat32> sumPerExample(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(x, axesFrom(tf, x, 1));
  }

  /** The mean over every axis but the first (the batch): one value per example, shape [batch]. */
  public static Operand<TFloat32> meanPerExample(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, axesFrom(tf, x, 1));
  }

  private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    return axesFrom(tf, x, 0);
  }

  /**
   * Axes {@code first} .. rank - 1 of {@code x}: a constant where its rank is known when the graph
   * is built, so the result and its gradient have static shapes and Grappler folds the gradient's
   * shape ops (Shape, BroadcastGradientArgs, Size ...) away instead of running them every step;
   * computed from the rank at run time otherwise.
   */
  private static Operand<TInt32> axesFrom(Ops tf, Operand<TFloat32> x, int first) {
    Shape shape = x.shape();
    if (shape.isUnknown()) {
      return tf.range(tf.constant(first), tf.rank(x), tf.constant(1));
    }
    return tf.constant(IntStream.range(first, shape.numDimensions()).toArray());
  }
}
