package org.jgan.graphs;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** One building block of a network: maps a batch to a batch, creating its variables through the context. */
@FunctionalInterface
public interface Layer {
  /** Applies the layer to {@code x}, whose first axis is the batch. */
  Operand<TFloat32> apply(LayerContext context, Operand<TFloat32> x);

  /** A short name for variable and op scopes ("dense", "conv2d", ...). */
  default String kind() {
    return "layer";
  }
}
