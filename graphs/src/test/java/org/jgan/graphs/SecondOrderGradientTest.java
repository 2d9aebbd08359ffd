package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Conv2d;
import org.jgan.graphs.layers.Conv2dTranspose;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.LayerNorm;
import org.jgan.graphs.layers.Maxout;
import org.jgan.graphs.layers.Reshape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The gradient-penalty path: P(theta) = sum_i ||grad_x C(x_i)||^2 differentiated with respect to
 * the critic's first weights, checked against central finite differences of P itself.
 */
class SecondOrderGradientTest {
  static Stream<Arguments> critics() {
    return Stream.of(
        Arguments.of("relu", List.of(new Dense(5), Activation.relu(), new Dense(1)), new long[] {4}),
        Arguments.of("leakyrelu", List.of(new Dense(5), Activation.leakyRelu(0.2f), new Dense(1)), new long[] {4}),
        Arguments.of("tanh", List.of(new Dense(5), Activation.tanh(), new Dense(1)), new long[] {4}),
        Arguments.of("sigmoid", List.of(new Dense(5), Activation.sigmoid(), new Dense(1)), new long[] {4}),
        Arguments.of("softplus", List.of(new Dense(5), Activation.softplus(), new Dense(1)), new long[] {4}),
        Arguments.of("layernorm", List.of(new Dense(5), new LayerNorm(), Activation.tanh(), new Dense(1)), new long[] {4}),
        Arguments.of("maxout", List.of(new Maxout(3, 2, Initializer.glorotUniform()), new Dense(1)), new long[] {4}),
        Arguments.of("conv", List.of(new Conv2d(2, 3, 2, Initializer.normal(0.3f), true), Activation.leakyRelu(0.2f),
            new Dense(1)), new long[] {4, 4, 1}),
        Arguments.of("deconv", List.of(new Conv2dTranspose(2, 3, 2, Initializer.normal(0.3f), true), Activation.tanh(),
            new Reshape(32), new Dense(1)), new long[] {2, 2, 2}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("critics")
  void penaltyGradientMatchesFiniteDifferences(String label, List<Layer> layers, long[] exampleShape) {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 7);
      Ops tf = ctx.tf();
      long[] shape = new long[exampleShape.length + 1];
      shape[0] = 3;
      System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
      Operand<TFloat32> x = tf.math.mul(ctx.normal(tf.constant(shape)), tf.constant(1.5f));
      Network critic = new Network("C", ctx, layers);
      Operand<TFloat32> out = critic.apply(x);
      Operand<TFloat32> gradX = Gradients.of(ctx, "inner", out, List.of(x)).get(0);
      Operand<TFloat32> penalty = tf.reduceSum(tf.math.square(gradX), tf.constant(allAxes(shape.length)));
      Variable<TFloat32> theta = critic.trainableVariables().get(0);
      Operand<TFloat32> analytic = Gradients.of(ctx, "outer", penalty, List.of(theta)).get(0);
      Placeholder<TFloat32> newValue = tf.placeholder(TFloat32.class, Placeholder.shape(theta.shape()));
      Operand<TFloat32> set = tf.assign(theta, newValue);

      try (Session s = Sessions.open(g, 1)) {
        float[] theta0 = GraphTesting.eval(s, theta);
        float[] grad = GraphTesting.eval(s, analytic);
        float eps = 1e-2f;
        double maxAbs = 0;
        for (float v : grad) {
          maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs > 1e-4, label + ": second-order gradient is identically zero");
        for (int i = 0; i < Math.min(theta0.length, 12); i++) {
          double plus = valueAt(s, set, newValue, penalty, theta0, i, eps, theta.shape());
          double minus = valueAt(s, set, newValue, penalty, theta0, i, -eps, theta.shape());
          double numeric = (plus - minus) / (2 * eps);
          assertEquals(numeric, grad[i], 2e-2 * Math.max(1, Math.abs(numeric)),
              label + ": d penalty / d theta[" + i + "]");
        }
      }
    }
  }

  private static double valueAt(Session s, Operand<TFloat32> set, Placeholder<TFloat32> input,
      Operand<TFloat32> penalty, float[] base, int index, float delta, Shape shape) {
    float[] moved = base.clone();
    moved[index] += delta;
    GraphTesting.eval(s, set, Map.of(input, Tensors.floats(moved, shape.asArray())));
    return GraphTesting.eval(s, penalty)[0];
  }

  private static int[] allAxes(int rank) {
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return axes;
  }
}
