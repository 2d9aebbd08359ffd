package org.jgan.graphs.layers;

import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Layer normalisation (Ba et al. 2016) over every non-batch axis, with a gain and bias per
 * channel (last axis). Uses pow(var + eps, -0.5) instead of Rsqrt so it is twice differentiable,
 * which is why WGAN-GP critics use it in place of batch norm.
 */
public record LayerNorm(float epsilon) implements Layer {
  /** Layer norm with epsilon 1e-5. */
  public LayerNorm() {
    this(1e-5f);
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    int rank = x.shape().numDimensions();
    int[] axes = new int[rank - 1];
    for (int i = 1; i < rank; i++) {
      axes[i - 1] = i;
    }
    long channels = Shapes.known(x, rank - 1);
    Operand<TFloat32> mean = tf.math.mean(x, tf.constant(axes), Mean.keepDims(true));
    Operand<TFloat32> centred = tf.math.sub(x, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centred), tf.constant(axes), Mean.keepDims(true));
    Operand<TFloat32> normed = tf.math.mul(centred, tf.math.pow(tf.math.add(variance, tf.constant(epsilon)), tf.constant(-0.5f)));
    Operand<TFloat32> gain = c.variable("gain", Shape.of(channels), Initializer.constant(1f), 0, 0, true);
    Operand<TFloat32> bias = c.variable("bias", Shape.of(channels), Initializer.constant(0f), 0, 0, true);
    return tf.math.add(tf.math.mul(normed, gain), bias);
  }

  @Override
  public String kind() {
    return "layernorm";
  }
}
