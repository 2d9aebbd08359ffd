package org.jgan.graphs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.GraphRuns;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.Network;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A network applied to category indices ({@link Network#applyToCategories}) against the same
 * network on their one-hot form, the reference: the same outputs and the same weight gradients,
 * both checked against sums computed here in double precision. The forms sum in different orders
 * (the sparse product adds the picked rows, the dense one multiplies every entry), so they agree
 * to float rounding, not bit for bit: with values of order 1 and at most a few dozen terms per
 * output, each is within 1e-5 of the exact sum.
 */
class CategoricalInputTest {
  private static final float TOLERANCE = 1e-5f;
  private static final int N = 7;
  private static final long[] POSITIONS = {2, 3};
  private static final int P = 6;
  private static final int K = 4;
  private static final int UNITS = 5;

  private static float[] uniform(SplittableRandom random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  private static Variable<TFloat32> variable(Network net, String suffix) {
    return net.variables().stream().filter(v -> v.op().name().endsWith(suffix)).findFirst().orElseThrow();
  }

  @Test
  void denseOnIndicesEqualsDenseOnOneHotAndTheSumOfPickedRows() {
    SplittableRandom random = new SplittableRandom(11);
    int[] categories = new int[N * P];
    for (int i = 0; i < categories.length; i++) {
      categories[i] = random.nextInt(K);
    }
    float[] kernel = uniform(random, P * K * UNITS);
    float[] bias = uniform(random, UNITS);
    float[] coefficients = uniform(random, N * UNITS);
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Network net = Network.of("D", ctx, new Dense(UNITS));
      Operand<TInt32> indices = tf.constant(Shape.of(N, POSITIONS[0], POSITIONS[1]), DataBuffers.of(categories));
      Operand<TFloat32> byIndices = net.applyToCategories(indices, K);
      Operand<TFloat32> byOneHot = net.apply(tf.oneHot(indices, tf.constant(K), tf.constant(1f), tf.constant(0f)));
      Operand<TFloat32> c = tf.constant(Shape.of(N, UNITS), DataBuffers.of(coefficients));
      Variable<TFloat32> w = variable(net, "/kernel");
      // loss = sum(y * c), so d loss / dW = onehot^T c: row p K + k sums c over the examples whose position p is k.
      Operand<TFloat32> gradByIndices = Gradients.of(ctx, "by_indices", tf.math.mul(byIndices, c), List.of(w)).get(0);
      Operand<TFloat32> gradByOneHot = Gradients.of(ctx, "by_one_hot", tf.math.mul(byOneHot, c), List.of(w)).get(0);
      try (Session s = Sessions.open(g, 2)) {
        GraphRuns.run(s, GraphRuns.assign(tf, w, kernel), GraphRuns.assign(tf, variable(net, "/bias"), bias));
        float[][] out = GraphRuns.fetch(s, Map.of(), List.of(byIndices, byOneHot, gradByIndices, gradByOneHot));

        float[] expectedY = new float[N * UNITS];
        float[] expectedGrad = new float[P * K * UNITS];
        for (int n = 0; n < N; n++) {
          for (int u = 0; u < UNITS; u++) {
            double sum = bias[u];
            for (int p = 0; p < P; p++) {
              int row = p * K + categories[n * P + p];
              sum += kernel[row * UNITS + u];
              expectedGrad[row * UNITS + u] += coefficients[n * UNITS + u];
            }
            expectedY[n * UNITS + u] = (float) sum;
          }
        }
        assertEquals(N * UNITS, out[0].length);
        assertArrayEquals(expectedY, out[0], TOLERANCE, "outputs on indices");
        assertArrayEquals(expectedY, out[1], TOLERANCE, "outputs on one-hot input");
        assertArrayEquals(expectedGrad, out[2], TOLERANCE, "kernel gradient on indices");
        assertArrayEquals(expectedGrad, out[3], TOLERANCE, "kernel gradient on one-hot input");
      }
    }
  }

  @Test
  void aWholeMlpGivesTheSameOutputsAndGradientsEitherWay() {
    SplittableRandom random = new SplittableRandom(12);
    int rows = 40;
    int[] categories = new int[rows * P];
    for (int i = 0; i < categories.length; i++) {
      categories[i] = random.nextInt(K);
    }
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 3);
      Ops tf = ctx.tf();
      Network net = Network.of("D", ctx, new Dense(8), Activation.relu(), new Dense(1));
      Operand<TInt32> indices = tf.constant(Shape.of(rows, P), DataBuffers.of(categories));
      Operand<TFloat32> byIndices = net.applyToCategories(indices, K);
      Operand<TFloat32> byOneHot = net.apply(tf.oneHot(indices, tf.constant(K), tf.constant(1f), tf.constant(0f)));
      List<Variable<TFloat32>> weights = net.trainableVariables();
      assertEquals(4, weights.size(), "two kernels and two biases, shared by both applications");
      List<Operand<TFloat32>> gradByIndices = Gradients.of(ctx, "by_indices", tf.math.square(byIndices), weights);
      List<Operand<TFloat32>> gradByOneHot = Gradients.of(ctx, "by_one_hot", tf.math.square(byOneHot), weights);
      try (Session s = Sessions.open(g, 2)) {
        float[][] y = GraphRuns.fetch(s, Map.of(), List.of(byIndices, byOneHot));
        assertEquals(rows, y[0].length);
        assertArrayEquals(y[1], y[0], TOLERANCE);
        for (int i = 0; i < weights.size(); i++) {
          float[][] grads = GraphRuns.fetch(s, Map.of(), List.of(gradByIndices.get(i), gradByOneHot.get(i)));
          assertArrayEquals(grads[1], grads[0], 1e-4f, weights.get(i).op().name());
        }
      }
    }
  }
}
