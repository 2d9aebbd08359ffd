package org.jgan.graphs.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A learning rate divided by {@code factor} after every update, never below {@code floor}:
 * after k updates it is max(base / factor^k, floor). This is pylearn2's
 * {@code sgd.ExponentialDecay} update callback, which the GAN paper's MNIST run used with
 * factor 1.000004 and min_lr 1e-6 (goodfeli/adversarial, mnist.yaml): the callback runs after
 * each update and sets the rate to {@code base_lr / decay_factor ** count}, floored at min_lr.
 *
 * @param factor the divisor applied per update, at least 1
 * @param floor the lowest rate, non-negative
 */
public record ExponentialDecay(double factor, float floor) {
  /** The GAN paper's MNIST settings: divide by 1.000004 per update, floor 1e-6. */
  public static final ExponentialDecay GAN_PAPER_MNIST = new ExponentialDecay(1.000004, 1e-6f);

  public ExponentialDecay {
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("decay factor " + factor + " must be a finite number of at least 1");
    }
    if (!(floor >= 0)) {
      throw new IllegalArgumentException("learning-rate floor " + floor + " must be non-negative");
    }
  }

  /** The rate after {@code updates} updates, in double precision (the closed form the graph follows). */
  public double rate(double base, long updates) {
    return Math.max(base / Math.pow(factor, updates), floor);
  }

  /**
   * The rate after {@code updates} updates, in the graph. Computed as base * exp(-k ln factor) with
   * ln factor taken in double precision: raising a float32 1 / factor to the k-th power would
   * compound its rounding error over the 10^5 updates of a paper-length run.
   */
  public Operand<TFloat32> rate(Ops tf, Operand<TFloat32> base, Operand<TInt64> updates) {
    Operand<TFloat32> k = tf.dtypes.cast(updates, TFloat32.class);
    Operand<TFloat32> decayed = tf.math.mul(base,
        tf.math.exp(tf.math.mul(k, tf.constant((float) -Math.log(factor)))));
    return tf.math.maximum(decayed, tf.constant(floor));
  }
}
