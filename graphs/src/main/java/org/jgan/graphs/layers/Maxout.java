package org.jgan.graphs.layers;

import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Maxout (Goodfellow et al. 2013): {@code units} outputs, each the max over {@code pieces} affine pieces. */
public record Maxout(int units, int pieces, Initializer kernelInit) implements Layer {
  /** Maxout with U[-0.005, 0.005] weights, as in the GAN paper's discriminator. */
  public Maxout(int units, int pieces) {
    this(units, pieces, Initializer.uniform(0.005f));
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    Operand<TFloat32> affine = new Dense(units * pieces, kernelInit, true).apply(c, x);
    Operand<TFloat32> grouped = tf.reshape(affine, tf.constant(new long[] {-1, units, pieces}));
    return tf.max(grouped, tf.constant(2));
  }

  @Override
  public String kind() {
    return "maxout";
  }
}
