package org.jgan.graphs.layers;

import org.jgan.graphs.CategoricalInput;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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
    implements CategoricalInput {
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
    return withBias(c, tf.linalg.matMul(flat, kernel(c, in)), in);
  }

  /**
   * The layer on one-hot input given as indices: the same kernel, multiplied by
   * {@link OneHotProduct} instead of by a dense one-hot matrix.
   */
  @Override
  public Operand<TFloat32> applyToCategories(LayerContext c, Operand<TInt32> categories, int k) {
    Ops tf = c.tf();
    long positions = Shapes.featureSize(categories);
    Operand<TInt32> flat = categories.shape().numDimensions() == 2 ? categories
        : tf.reshape(categories, tf.constant(new long[] {-1, positions}));
    long in = positions * k;
    return withBias(c, OneHotProduct.times(tf, flat, k, kernel(c, in)), in);
  }

  private Operand<TFloat32> kernel(LayerContext c, long in) {
    Operand<TFloat32> kernel = c.variable("kernel", Shape.of(in, units), kernelInit, in, units, true);
    return spectralNorm ? SpectralNorm.normalise(c, kernel, in, units) : kernel;
  }

  private Operand<TFloat32> withBias(LayerContext c, Operand<TFloat32> y, long in) {
    if (!bias) {
      return y;
    }
    return c.tf().nn.biasAdd(y, c.variable("bias", Shape.of(units),
        biasInit == null ? Initializer.constant(0f) : biasInit, in, units, true));
  }

  @Override
  public String kind() {
    return "dense";
  }
}
