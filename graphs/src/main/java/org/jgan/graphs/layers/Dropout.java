package org.jgan.graphs.layers;

import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Inverted dropout: in training mode zeroes each unit with probability {@code rate} and rescales the rest. */
public record Dropout(float rate) implements Layer {
  public Dropout {
    if (rate < 0 || rate >= 1) {
      throw new IllegalArgumentException("dropout rate " + rate + " must be in [0, 1)");
    }
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    Operand<TFloat32> keep = tf.dtypes.cast(
        tf.math.greaterEqual(c.graph().uniform(tf.shape(x)), tf.constant(rate)), TFloat32.class);
    Operand<TFloat32> dropped = tf.math.mul(x, tf.math.mul(keep, tf.constant(1f / (1f - rate))));
    return tf.select(c.training(), dropped, x);
  }

  @Override
  public String kind() {
    return "dropout";
  }
}
