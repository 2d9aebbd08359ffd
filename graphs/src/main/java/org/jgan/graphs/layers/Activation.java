package org.jgan.graphs.layers;

import java.util.function.BiFunction;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * Element-wise activations. All are twice differentiable in jgan graphs: ReLU, tanh and sigmoid
 * through the gradients {@link org.jgan.graphs.SecondOrderGradients} registers.
 */
public record Activation(String kind, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> function)
    implements Layer {
  /** max(x, 0). */
  public static Activation relu() {
    return new Activation("relu", (tf, x) -> tf.nn.relu(x));
  }

  /** x for x > 0, alpha x otherwise. */
  public static Activation leakyRelu(float alpha) {
    return new Activation("leakyrelu", (tf, x) -> tf.nn.leakyRelu(x, LeakyRelu.alpha(alpha)));
  }

  /** Hyperbolic tangent, for generators of [-1, 1] data. */
  public static Activation tanh() {
    return new Activation("tanh", (tf, x) -> tf.math.tanh(x));
  }

  /** 1 / (1 + exp(-x)), for generators of [0, 1] data. */
  public static Activation sigmoid() {
    return new Activation("sigmoid", (tf, x) -> tf.math.sigmoid(x));
  }

  /** softplus(x) = log(1 + exp(x)), written as max(x, 0) + log1p(exp(-|x|)) so it is stable and twice differentiable. */
  public static Activation softplus() {
    return new Activation("softplus", Activation::stableSoftplus);
  }

  /** No activation (linear outputs, logits). */
  public static Activation identity() {
    return new Activation("identity", (tf, x) -> x);
  }

  /** The activation named {@code name}: relu, leakyrelu (slope 0.2), tanh, sigmoid, softplus or identity. */
  public static Activation named(String name) {
    return switch (name) {
      case "relu" -> relu();
      case "leakyrelu" -> leakyRelu(0.2f);
      case "tanh" -> tanh();
      case "sigmoid" -> sigmoid();
      case "softplus" -> softplus();
      case "identity", "linear" -> identity();
      default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
    };
  }

  /** Numerically stable softplus from ops that all have second-order gradients. */
  public static Operand<TFloat32> stableSoftplus(Ops tf, Operand<TFloat32> x) {
    return tf.math.add(tf.math.maximum(x, tf.constant(0f)), tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
  }

  @Override
  public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
    return function.apply(c.tf(), x);
  }
}
