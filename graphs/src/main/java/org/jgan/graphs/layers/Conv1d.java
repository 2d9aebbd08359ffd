package org.jgan.graphs.layers;

import java.util.List;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * 1-D convolution over [N, L, C] sequences with SAME padding and stride 1, as a 2-D convolution
 * over [N, 1, L, C]. {@code name} prefixes its variables, so several can live in one layer.
 */
public record Conv1d(int filters, int kernel, String name) implements Layer {
  public Conv1d(int filters, int kernel) {
    this(filters, kernel, "");
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    if (x.shape().numDimensions() != 3) {
      throw new IllegalArgumentException("conv1d expects [N, L, C] input, got shape " + x.shape());
    }
    long length = Shapes.known(x, 1);
    long in = Shapes.known(x, 2);
    Operand<TFloat32> w = c.variable(name + "kernel", Shape.of(1, kernel, in, filters), Initializer.glorotUniform(),
        kernel * in, kernel * filters, true);
    Operand<TFloat32> b = c.variable(name + "bias", Shape.of(filters), Initializer.constant(0f), 0, 0, true);
    Operand<TFloat32> image = tf.reshape(x, tf.constant(new long[] {-1, 1, length, in}));
    Operand<TFloat32> y = tf.nn.biasAdd(tf.nn.conv2d(image, w, List.of(1L, 1L, 1L, 1L), "SAME"), b);
    return tf.reshape(y, tf.constant(new long[] {-1, length, filters}));
  }

  @Override
  public String kind() {
    return "conv1d";
  }
}
