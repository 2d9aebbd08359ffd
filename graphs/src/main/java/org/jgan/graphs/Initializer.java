package org.jgan.graphs;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Produces a variable's initial value. */
@FunctionalInterface
public interface Initializer {
  /**
   * @param tf op factory in init scope
   * @param shape the variable's shape
   * @param fanIn inputs per output unit (for a conv kernel: kernel height * width * input channels)
   * @param fanOut outputs per input unit
   * @param seed a constant stateless seed unique to the variable
   */
  Operand<TFloat32> initialValue(Ops tf, Shape shape, long fanIn, long fanOut, Operand<TInt64> seed);

  /** N(0, std^2): the DCGAN convention is std 0.02. */
  static Initializer normal(float std) {
    return (tf, shape, fanIn, fanOut, seed) ->
        tf.math.mul(tf.random.statelessRandomNormal(tf.constant(shape), seed), tf.constant(std));
  }

  /** U[-a, a]. */
  static Initializer uniform(float a) {
    return (tf, shape, fanIn, fanOut, seed) -> uniformValue(tf, shape, seed, a);
  }

  /** Glorot/Xavier uniform: U[-a, a] with a = sqrt(6 / (fanIn + fanOut)). */
  static Initializer glorotUniform() {
    return (tf, shape, fanIn, fanOut, seed) ->
        uniformValue(tf, shape, seed, (float) Math.sqrt(6.0 / (fanIn + fanOut)));
  }

  /** Every element equal to {@code value} (zeros for biases, ones for norm gains). */
  static Initializer constant(float value) {
    return (tf, shape, fanIn, fanOut, seed) -> tf.fill(tf.constant(shape), tf.constant(value));
  }

  /** Exactly {@code values}, row-major, for a variable with that many elements. */
  static Initializer values(float[] values) {
    float[] copy = values.clone();
    return (tf, shape, fanIn, fanOut, seed) -> {
      if (shape.size() != copy.length) {
        throw new IllegalArgumentException(copy.length + " initial values for a variable of shape " + shape);
      }
      return tf.reshape(tf.constant(copy), tf.constant(shape));
    };
  }

  private static Operand<TFloat32> uniformValue(Ops tf, Shape shape, Operand<TInt64> seed, float a) {
    Operand<TFloat32> unit = tf.random.statelessRandomUniform(tf.constant(shape), seed);
    return tf.math.sub(tf.math.mul(unit, tf.constant(2 * a)), tf.constant(a));
  }
}
