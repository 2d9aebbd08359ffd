package org.jgan.graphs.layers;

import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The WGAN-GP language model's residual block: x + 0.3 * conv(relu(conv(relu(x)))), kernel 5, same width. */
public record ResidualBlock1d(int width, int kernel) implements Layer {
  public ResidualBlock1d(int width) {
    this(width, 5);
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    Operand<TFloat32> h = new Conv1d(width, kernel, "a_").apply(c, tf.nn.relu(x));
    h = new Conv1d(width, kernel, "b_").apply(c, tf.nn.relu(h));
    return tf.math.add(x, tf.math.mul(tf.constant(0.3f), h));
  }

  @Override
  public String kind() {
    return "resblock1d";
  }
}
