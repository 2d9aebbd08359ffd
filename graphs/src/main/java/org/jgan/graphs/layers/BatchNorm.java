package org.jgan.graphs.layers;

import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over every axis but the last. In training mode it
 * normalises with the batch's statistics and updates moving averages (an update op of the
 * network); in inference mode it uses the moving averages.
 */
public record BatchNorm(float momentum, float epsilon) implements Layer {
  /** Batch norm with momentum 0.9 and epsilon 1e-5. */
  public BatchNorm() {
    this(0.9f, 1e-5f);
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    Ops tf = c.tf();
    int rank = x.shape().numDimensions();
    int[] axes = new int[rank - 1];
    for (int i = 0; i < rank - 1; i++) {
      axes[i] = i;
    }
    long channels = Shapes.known(x, rank - 1);
    Operand<TFloat32> gain = c.variable("gain", Shape.of(channels), Initializer.constant(1f), 0, 0, true);
    Operand<TFloat32> bias = c.variable("bias", Shape.of(channels), Initializer.constant(0f), 0, 0, true);
    Variable<TFloat32> movingMean = c.variable("moving_mean", Shape.of(channels), Initializer.constant(0f), 0, 0, false);
    Variable<TFloat32> movingVar = c.variable("moving_variance", Shape.of(channels), Initializer.constant(1f), 0, 0, false);

    Operand<TFloat32> batchMean = tf.math.mean(x, tf.constant(axes));
    Operand<TFloat32> batchVar = tf.math.mean(tf.math.square(tf.math.sub(x, batchMean)), tf.constant(axes));
    Operand<TFloat32> trainOut = normalise(tf, x, batchMean, batchVar, gain, bias);
    Operand<TFloat32> inferOut = normalise(tf, x, movingMean, movingVar, gain, bias);

    Operand<TFloat32> keep = tf.constant(momentum);
    Operand<TFloat32> take = tf.constant(1f - momentum);
    c.addUpdate(tf.assign(movingMean, tf.math.add(tf.math.mul(movingMean, keep), tf.math.mul(batchMean, take))));
    c.addUpdate(tf.assign(movingVar, tf.math.add(tf.math.mul(movingVar, keep), tf.math.mul(batchVar, take))));
    return tf.select(c.training(), trainOut, inferOut);
  }

  private Operand<TFloat32> normalise(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mean, Operand<TFloat32> var,
      Operand<TFloat32> gain, Operand<TFloat32> bias) {
    Operand<TFloat32> scale = tf.math.mul(gain, tf.math.pow(tf.math.add(var, tf.constant(epsilon)), tf.constant(-0.5f)));
    return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), bias);
  }

  @Override
  public String kind() {
    return "batchnorm";
  }

}
