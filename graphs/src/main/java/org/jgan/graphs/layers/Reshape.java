package org.jgan.graphs.layers;

import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Reshapes each example to {@code shape}, keeping the batch axis. */
public record Reshape(long... shape) implements Layer {
  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    long[] full = new long[shape.length + 1];
    full[0] = -1;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return c.tf().reshape(x, c.tf().constant(full));
  }

  /** Flattens every non-batch axis into one. */
  public static Reshape flatten(long featureSize) {
    return new Reshape(featureSize);
  }

  @Override
  public String kind() {
    return "reshape";
  }
}
