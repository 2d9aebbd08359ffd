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
 * 2-D convolution over NHWC input with SAME padding (output size = ceil(input / stride)).
 *
 * @param spectralNorm whether the kernel is spectrally normalised ({@link SpectralNorm}), viewed as a
 *     [kernel * kernel * input channels, filters] matrix
 */
public record Conv2d(int filters, int kernel, int stride, Initializer kernelInit, boolean bias, boolean spectralNorm)
    implements Layer {
  /** A convolution with N(0, 0.02) weights and a bias, as in DCGAN. */
  public Conv2d(int filters, int kernel, int stride) {
    this(filters, kernel, stride, Initializer.normal(0.02f), true);
  }

  /** A convolution without spectral normalisation. */
  public Conv2d(int filters, int kernel, int stride, Initializer kernelInit, boolean bias) {
    this(filters, kernel, stride, kernelInit, bias, false);
  }

  /** The same layer with its kernel spectrally normalised (Miyato et al. 2018). */
  public Conv2d spectrallyNormalised() {
    return new Conv2d(filters, kernel, stride, kernelInit, bias, true);
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    long in = Shapes.channels(x);
    Operand<TFloat32> w = c.variable("kernel", Shape.of(kernel, kernel, in, filters), kernelInit,
        (long) kernel * kernel * in, (long) kernel * kernel * filters, true);
    if (spectralNorm) {
      w = SpectralNorm.normalise(c, w, (long) kernel * kernel * in, filters);
    }
    Operand<TFloat32> y = tf.nn.conv2d(x, w, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    if (bias) {
      y = tf.nn.biasAdd(y, c.variable("bias", Shape.of(filters), Initializer.constant(0f), 0, 0, true));
    }
    return y;
  }

  @Override
  public String kind() {
    return "conv2d";
  }
}
