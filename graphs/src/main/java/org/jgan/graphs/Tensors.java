package org.jgan.graphs;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Conversions between Java arrays and float tensors. Callers close the tensors they create. */
public final class Tensors {
  private Tensors() {}

  /** A float tensor of {@code shape} holding {@code values} (row-major). */
  public static TFloat32 floats(float[] values, long... shape) {
    Shape s = Shape.of(shape);
    if (s.size() != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill shape " + s);
    }
    return TFloat32.tensorOf(s, DataBuffers.of(values, true, false));
  }

  /** The elements of a float tensor, row-major. */
  public static float[] toFloats(Tensor tensor) {
    TFloat32 t = (TFloat32) tensor;
    float[] out = new float[(int) t.size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** The single element of a float tensor of any shape with one element. */
  public static float scalar(Tensor tensor) {
    float[] values = toFloats(tensor);
    if (values.length != 1) {
      throw new IllegalArgumentException("expected one element, got " + values.length);
    }
    return values[0];
  }
}
