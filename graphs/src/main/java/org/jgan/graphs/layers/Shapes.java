package org.jgan.graphs.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;

/** Static-shape helpers for layers, which need known feature sizes to create their variables. */
final class Shapes {
  private Shapes() {}

  /** Product of every non-batch dimension; they must be known. */
  static long featureSize(Operand<?> x) {
    Shape s = x.shape();
    long size = 1;
    for (int i = 1; i < s.numDimensions(); i++) {
      size *= known(x, i);
    }
    return size;
  }

  /** Dimension {@code axis}, which must be known when the graph is built. */
  static long known(Operand<?> x, int axis) {
    long d = x.shape().size(axis);
    if (d < 0) {
      throw new IllegalArgumentException("dimension " + axis + " of " + x.shape() + " must be known to build this layer");
    }
    return d;
  }

  /** Requires an NHWC input and returns its channel count. */
  static long channels(Operand<?> x) {
    if (x.shape().numDimensions() != 4) {
      throw new IllegalArgumentException("expected an NHWC input of rank 4, got shape " + x.shape());
    }
    return known(x, 3);
  }
}
