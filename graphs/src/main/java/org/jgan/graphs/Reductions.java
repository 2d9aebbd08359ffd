package org.jgan.graphs;

import org.tensorflow.Operand;
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
    return tf.reduceSum(x, tf.range(tf.constant(1), tf.rank(x), tf.constant(1)));
  }

  /** The mean over every axis but the first (the batch): one value per example, shape [batch]. */
  public static Operand<TFloat32> meanPerExample(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, tf.range(tf.constant(1), tf.rank(x), tf.constant(1)));
  }

  private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }
}
