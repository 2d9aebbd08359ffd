package org.jgan.losses;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jgan.graphs.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The distribution of the generator's input z. */
public record NoisePrior(Kind kind, int dimension) {
  /** The shape of each of z's independent coordinates. */
  public enum Kind {
    /** N(0, 1). */
    NORMAL("normal", 0),
    /** U[-1, 1] (variance 1/3). */
    UNIFORM("uniform", 1),
    /**
     * U(-sqrt(3), sqrt(3)), variance 1: the GAN paper's MNIST noise (goodfeli/adversarial,
     * Generator.get_noise with noise 'uniform', which mnist.yaml sets).
     */
    UNIFORM_UNIT_VARIANCE("uniform-unit-variance", Math.sqrt(3));

    private final String id;
    private final double halfWidth;

    Kind(String id, double halfWidth) {
      this.id = id;
      this.halfWidth = halfWidth;
    }

    /** The name used on the command line. */
    public String id() {
      return id;
    }

    /** The kind called {@code id} on the command line. */
    public static Kind byId(String id) {
      return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown prior '" + id + "' (known: normal, uniform, uniform-unit-variance)"));
    }
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
    Operand<org.tensorflow.types.TInt64> shape = graph.tf().constant(new long[] {count, dimension});
    return kind == Kind.NORMAL ? graph.normal(shape) : fromUnitUniform(graph.tf(), graph.uniform(shape));
  }

  /**
   * A uniform kind's draws from U[0, 1) draws {@code unit}: u 2a - a for half-width a. Only for the
   * uniform kinds.
   */
  public Operand<TFloat32> fromUnitUniform(Ops tf, Operand<TFloat32> unit) {
    if (kind == Kind.NORMAL) {
      throw new IllegalStateException("a normal prior is not drawn from uniform numbers");
    }
    float a = (float) kind.halfWidth;
    return tf.math.sub(tf.math.mul(unit, tf.constant(2 * a)), tf.constant(a));
  }

  /** {@code count} draws in Java (row-major [count, dimension]), for feeding a z input. */
  public float[] sample(SplittableRandom random, int count) {
    float[] z = new float[count * dimension];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (kind == Kind.NORMAL ? random.nextGaussian() : (2 * random.nextDouble() - 1) * kind.halfWidth);
    }
    return z;
  }
}
