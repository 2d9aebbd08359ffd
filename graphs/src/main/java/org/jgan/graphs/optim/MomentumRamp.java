package org.jgan.graphs.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A momentum coefficient that rises linearly, epoch by epoch, from {@code initial} to {@code last}:
 * pylearn2's {@code learning_rule.MomentumAdjustor(final_momentum, start, saturate)}, which the GAN
 * paper's MNIST run used with init_momentum 0.5, final_momentum 0.7, start 1, saturate 250
 * (goodfeli/adversarial, mnist.yaml).
 *
 * <p>The adjustor's {@code on_monitor} runs once before the first epoch and after every epoch,
 * counting its calls; it sets alpha = clip((count - start) / (saturate - start), 0, 1) and the
 * momentum to initial (1 - alpha) + last alpha. So with e epochs completed (count = e + 1) the
 * momentum is initial + (last - initial) clip((e + 1 - start) / (saturate - start), 0, 1): 0.5
 * throughout epoch 1 and 0.7 from epoch 250 on. When start equals saturate the momentum jumps to
 * {@code last} once count reaches start.
 *
 * @param initial the momentum before the ramp starts
 * @param last the momentum once it has saturated
 * @param startEpoch pylearn2's {@code start}
 * @param saturateEpoch pylearn2's {@code saturate}, at least {@code startEpoch}
 * @param updatesPerEpoch updates in one epoch (training examples / batch size)
 */
public record MomentumRamp(float initial, float last, int startEpoch, int saturateEpoch, long updatesPerEpoch) {
  public MomentumRamp {
    if (!(initial >= 0 && initial < 1) || !(last >= 0 && last < 1)) {
      throw new IllegalArgumentException("momentum " + initial + " to " + last + " must lie in [0, 1)");
    }
    if (startEpoch < 0 || saturateEpoch < startEpoch) {
      throw new IllegalArgumentException("momentum ramp epochs " + startEpoch + ":" + saturateEpoch
          + " must satisfy 0 <= start <= saturate");
    }
    if (updatesPerEpoch < 1) {
      throw new IllegalArgumentException("updates per epoch " + updatesPerEpoch + " must be at least 1");
    }
  }

  /** A constant momentum (no ramp). */
  public static MomentumRamp constant(float momentum) {
    return new MomentumRamp(momentum, momentum, 0, 0, 1);
  }

  /** The momentum of the update that follows {@code updates} updates, in double precision. */
  public double at(long updates) {
    long count = updates / updatesPerEpoch + 1;
    double alpha;
    if (saturateEpoch == startEpoch) {
      alpha = count >= startEpoch ? 1 : 0;
    } else {
      alpha = Math.min(1, Math.max(0, (double) (count - startEpoch) / (saturateEpoch - startEpoch)));
    }
    return initial * (1 - alpha) + last * alpha;
  }

  /** The same momentum in the graph, after {@code updates} updates. */
  public Operand<TFloat32> at(Ops tf, Operand<TInt64> updates) {
    Operand<TInt64> count = tf.math.add(tf.math.floorDiv(updates, tf.constant(updatesPerEpoch)), tf.constant(1L));
    Operand<TFloat32> alpha;
    if (saturateEpoch == startEpoch) {
      alpha = tf.dtypes.cast(tf.math.greaterEqual(count, tf.constant((long) startEpoch)), TFloat32.class);
    } else {
      Operand<TFloat32> raw = tf.math.div(tf.dtypes.cast(tf.math.sub(count, tf.constant((long) startEpoch)), TFloat32.class),
          tf.constant((float) (saturateEpoch - startEpoch)));
      alpha = tf.math.minimum(tf.math.maximum(raw, tf.constant(0f)), tf.constant(1f));
    }
    return tf.math.add(tf.math.mul(tf.constant(initial), tf.math.sub(tf.constant(1f), alpha)),
        tf.math.mul(tf.constant(last), alpha));
  }
}
