package org.jgan.graphs;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.types.TFloat32;

/**
 * Registers the gradients TensorFlow's C API lacks for the backward ops of ReLU, tanh and sigmoid,
 * so that a critic built from them can be differentiated twice (gradient penalty).
 *
 * <p>Registration is process-wide and must precede the first {@code addGradients} that needs it;
 * {@link GraphContext} calls {@link #register()} when it is created.
 */
public final class SecondOrderGradients {
  private static boolean registered;

  private SecondOrderGradients() {}

  /** Idempotent: registers each missing gradient once per process. */
  public static synchronized void register() {
    if (registered) {
      return;
    }
    // ReluGrad(dy, x) = dy * [x > 0]: linear in dy, piecewise constant in x. So its gradient in dy is
    // ReluGrad(g, x) itself: one op per step where g * cast(x > 0) ran three, the same products.
    TensorFlow.registerCustomGradient("ReluGrad", (tf, op, upstream) -> {
      Operand<TFloat32> g = cast(upstream.get(0));
      Operand<TFloat32> x = cast(op.input(1));
      return List.of(tf.nn.reluGrad(g, x), tf.zerosLike(x));
    });
    // TanhGrad(y, dy) = dy * (1 - y^2).
    TensorFlow.registerCustomGradient("TanhGrad", (tf, op, upstream) -> {
      Operand<TFloat32> g = cast(upstream.get(0));
      Operand<TFloat32> y = cast(op.input(0));
      Operand<TFloat32> dy = cast(op.input(1));
      Operand<TFloat32> dY = tf.math.mul(g, tf.math.mul(dy, tf.math.mul(tf.constant(-2f), y)));
      Operand<TFloat32> dDy = tf.math.mul(g, tf.math.sub(tf.constant(1f), tf.math.square(y)));
      return List.of(dY, dDy);
    });
    // SigmoidGrad(y, dy) = dy * y * (1 - y).
    TensorFlow.registerCustomGradient("SigmoidGrad", (tf, op, upstream) -> {
      Operand<TFloat32> g = cast(upstream.get(0));
      Operand<TFloat32> y = cast(op.input(0));
      Operand<TFloat32> dy = cast(op.input(1));
      Operand<TFloat32> dY = tf.math.mul(g, tf.math.mul(dy, tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(2f), y))));
      Operand<TFloat32> dDy = tf.math.mul(g, tf.math.mul(y, tf.math.sub(tf.constant(1f), y)));
      return List.of(dY, dDy);
    });
    registered = true;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Operand<?> operand) {
    return (Operand<TFloat32>) operand;
  }

}
