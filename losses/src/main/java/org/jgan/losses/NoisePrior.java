package org.jgan.losses;

import java.util.SplittableRandom;
import org.jgan.graphs.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The distribution of the generator's input z. */
public record NoisePrior(Kind kind, int dimension) {
  /**
   * N(0, I) or U[-1, 1]^d. The GAN paper's MNIST generator is uniform but wider: its mnist.yaml
   * draws z from U(-sqrt(3), sqrt(3))^100, which has unit variance.
   */
  public enum Kind {
    NORMAL,
    UNIFORM
  }

  public NoisePrior {
    if (dimension < 1) {
      throw new IllegalArgumentException("z dimension " + dimension + " must be positive");
    }
  }

  /** N(0, I) of the given dimension. */
  public static NoisePrior normal(int dimension) {
    return new NoisePrior(Kind.NORMAL, dimension);
  }

  /** {@code count} draws in the graph, fresh for every run index. */
  public Operand<TFloat32> sample(GraphContext graph, long count) {
    Ops tf = graph.tf();
    Operand<org.tensorflow.types.TInt64> shape = tf.constant(new long[] {count, dimension});
    return kind == Kind.NORMAL ? graph.normal(shape)
        : tf.math.sub(tf.math.mul(graph.uniform(shape), tf.constant(2f)), tf.constant(1f));
  }

  /** {@code count} draws in Java (row-major [count, dimension]), for feeding a z input. */
  public float[] sample(SplittableRandom random, int count) {
    float[] z = new float[count * dimension];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (kind == Kind.NORMAL ? random.nextGaussian() : 2 * random.nextDouble() - 1);
    }
    return z;
  }
}
