package org.jgan.graphs.layers;

import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Fully connected layer y = x W + b; inputs of rank > 2 are flattened first.
 *
 * @param units output features
 * @param kernelInit initialiser of W
 * @param bias whether the layer adds b
 * @param biasInit initialiser of b (zeros when null)
 * @param spectralNorm whether W is spectrally normalised ({@link SpectralNorm})
 */
public record Dense(int units, Initializer kernelInit, boolean bias, Initializer biasInit, boolean spectralNorm)
    implements Layer {
  /** Dense with Glorot-uniform weights and a zero bias. */
  public Dense(int units) {
    this(units, Initializer.glorotUniform(), true);
  }

  /** Dense with a zero bias, if any. */
  public Dense(int units, Initializer kernelInit, boolean bias) {
    this(units, kernelInit, bias, null);
  }

  /** Dense without spectral normalisation. */
  public Dense(int units, Initializer kernelInit, boolean bias, Initializer biasInit) {
    this(units, kernelInit, bias, biasInit, false);
  }

  /** The same layer with W spectrally normalised (Miyato et al. 2018). */
  public Dense spectrallyNormalised() {
    return new Dense(units, kernelInit, bias, biasInit, true);
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    long in = Shapes.featureSize(x);
    Operand<TFloat32> flat = x.shape().numDimensions() == 2 ? x : tf.reshape(x, tf.constant(new long[] {-1, in}));
    Operand<TFloat32> kernel = c.variable("kernel", Shape.of(in, units), kernelInit, in, units, true);
    if (spectralNorm) {
      kernel = SpectralNorm.normalise(c, kernel, in, units);
    }
    Operand<TFloat32> y = tf.linalg.matMul(flat, kernel);
    if (bias) {
      y = tf.nn.biasAdd(y, c.variable("bias", Shape.of(units),
          biasInit == null ? Initializer.constant(0f) : biasInit, in, units, true));
    }
    return y;
  }

  @Override
  public String kind() {
    return "dense";
  }
}
