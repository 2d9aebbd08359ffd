package org.jgan.graphs.layers;

import java.util.List;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Transposed 2-D convolution (the gradient of a SAME convolution with respect to its input) over
 * NHWC input: output height and width are input * stride.
 *
 * @param spectralNorm whether the kernel is spectrally normalised ({@link SpectralNorm}); its
 *     [kh, kw, out, in] layout is viewed as a [kh * kw * in, out] matrix, output channels as the
 *     columns, as for {@link Conv2d} (and PyTorch's {@code spectral_norm} on transposed convolutions)
 */
public record Conv2dTranspose(int filters, int kernel, int stride, Initializer kernelInit, boolean bias,
    boolean spectralNorm) implements Layer {
  /** A transposed convolution with N(0, 0.02) weights and a bias, as in DCGAN. */
  public Conv2dTranspose(int filters, int kernel, int stride) {
    this(filters, kernel, stride, Initializer.normal(0.02f), true);
  }

  /** A transposed convolution without spectral normalisation. */
  public Conv2dTranspose(int filters, int kernel, int stride, Initializer kernelInit, boolean bias) {
    this(filters, kernel, stride, kernelInit, bias, false);
  }

  /** The same layer with its kernel spectrally normalised (Miyato et al. 2018). */
  public Conv2dTranspose spectrallyNormalised() {
    return new Conv2dTranspose(filters, kernel, stride, kernelInit, bias, true);
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    long in = Shapes.channels(x);
    long h = Shapes.known(x, 1) * stride;
    long w = Shapes.known(x, 2) * stride;
    // Filter layout for Conv2DBackpropInput is [kh, kw, out, in].
    Operand<TFloat32> kernelVar = c.variable("kernel", Shape.of(kernel, kernel, filters, in), kernelInit,
        (long) kernel * kernel * in, (long) kernel * kernel * filters, true);
    if (spectralNorm) {
      // Output channels last, then back to the layout the op reads.
      Operand<TFloat32> outLast = tf.linalg.transpose(kernelVar, tf.constant(new int[] {0, 1, 3, 2}));
      kernelVar = tf.linalg.transpose(SpectralNorm.normalise(c, outLast, (long) kernel * kernel * in, filters),
          tf.constant(new int[] {0, 1, 3, 2}));
    }
    Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> outputShape = tf.concat(
        List.of(batch, tf.constant(new int[] {(int) h, (int) w, filters})), tf.constant(0));
    Operand<TFloat32> y = tf.nn.conv2dBackpropInput(outputShape, kernelVar, x,
        List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    // Reshape (not EnsureShape, which has no gradient) restores the static shape the dynamic batch hides.
    y = tf.reshape(y, tf.constant(new long[] {-1, h, w, filters}));
    if (bias) {
      y = tf.nn.biasAdd(y, c.variable("bias", Shape.of(filters), Initializer.constant(0f), 0, 0, true));
    }
    return y;
  }

  @Override
  public String kind() {
    return "deconv2d";
  }
}
