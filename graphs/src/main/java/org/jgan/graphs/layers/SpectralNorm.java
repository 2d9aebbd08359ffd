package org.jgan.graphs.layers;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Spectral normalisation (Miyato et al. 2018, Algorithm 1): a weight W is used as W / sigma(W),
 * sigma its largest singular value, estimated by one power iteration per training step.
 *
 * <p>The kernel is viewed as a matrix K of shape [fan-in, outputs] (a convolution's
 * [kh, kw, in, out] as [kh * kw * in, out], as in the paper; K is the paper's W transposed, which
 * has the same singular values). A non-trainable vector u (variable {@code spectral_u}, [outputs, 1],
 * drawn from N(0, 1)) persists between steps. Each application computes v = K u / ||K u||,
 * u' = K^T v / ||K^T v|| and sigma = v^T K u', with u' and v held constant in the gradient as in
 * the paper's code; the network's update op (run with its train op, as batch norm's moving averages
 * are) stores u' into u in training mode only, so inference never moves it.
 */
public final class SpectralNorm {
  /** The variable holding u, beside the layer's kernel. */
  public static final String U_VARIABLE = "spectral_u";
  /** Guards the normalisation of a zero vector, as {@code tf.nn.l2_normalize} does. */
  private static final float EPSILON = 1e-12f;

  private SpectralNorm() {}

  /**
   * {@code kernel} divided by its estimated largest singular value, with {@code kernel} read as a
   * [rows, columns] matrix (row-major); registers the update of u with the layer's network.
   *
   * @param columns the kernel's output dimension (its last axis)
   */
  public static Operand<TFloat32> normalise(LayerContext c, Operand<TFloat32> kernel, long rows, long columns) {
    Ops tf = c.tf();
    Variable<TFloat32> u = c.variable(U_VARIABLE, Shape.of(columns, 1), Initializer.normal(1f), 0, 0, false);
    Operand<TFloat32> matrix = tf.reshape(kernel, tf.constant(new long[] {rows, columns}));
    Operand<TFloat32> v = tf.stopGradient(unit(tf, tf.linalg.matMul(matrix, u)));
    Operand<TFloat32> uNext = tf.stopGradient(unit(tf, tf.linalg.matMul(matrix, v, transposeA())));
    Operand<TFloat32> sigma = tf.reshape(
        tf.linalg.matMul(tf.linalg.matMul(v, matrix, transposeA()), uNext), tf.constant(new long[0]));
    c.addUpdate(tf.assign(u, tf.select(c.training(), uNext, u)));
    return tf.math.div(kernel, sigma);
  }

  /**
   * {@code layers} with every weight layer spectrally normalised ({@link Dense}, {@link Conv2d},
   * {@link Conv2dTranspose}); layers without weights are kept as they are.
   *
   * @throws IllegalArgumentException for a weight layer that has no spectrally normalised form
   *     ({@link Maxout}, {@link Conv1d}, {@link ResidualBlock1d}), naming its kind
   */
  public static List<Layer> applyTo(List<Layer> layers) {
    List<Layer> normalised = new ArrayList<>();
    for (Layer layer : layers) {
      if (layer instanceof Dense dense) {
        normalised.add(dense.spectrallyNormalised());
      } else if (layer instanceof Conv2d conv) {
        normalised.add(conv.spectrallyNormalised());
      } else if (layer instanceof Conv2dTranspose deconv) {
        normalised.add(deconv.spectrallyNormalised());
      } else if (layer instanceof Maxout || layer instanceof Conv1d || layer instanceof ResidualBlock1d) {
        throw new IllegalArgumentException("spectral normalisation is not available for " + layer.kind() + " layers");
      } else {
        normalised.add(layer);
      }
    }
    return normalised;
  }

  /** x / max(||x||, epsilon) over the whole tensor. */
  private static Operand<TFloat32> unit(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> squares = tf.reduceSum(tf.math.square(x), tf.constant(new int[] {0, 1}));
    Operand<TFloat32> inverse = tf.math.rsqrt(tf.math.maximum(squares, tf.constant(EPSILON * EPSILON)));
    return tf.math.mul(x, inverse);
  }

  private static MatMul.Options transposeA() {
    return MatMul.transposeA(true);
  }
}
