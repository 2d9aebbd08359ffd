package org.jgan.graphs.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.GraphRuns;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

class LayersTest {
  private static Placeholder<TFloat32> input(Ops tf, long... shape) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
  }

  private static Variable<TFloat32> variable(Network net, String suffix) {
    return net.variables().stream().filter(v -> v.op().name().endsWith("/" + suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no variable " + suffix + " in " + net.name()));
  }

  /** Runs {@code y} with x fed and returns the fetched tensor's shape and values. */
  private static Shape runShape(Session s, Operand<TFloat32> x, float[] values, long[] shape, Operand<TFloat32> y) {
    try (TFloat32 in = Tensors.floats(values, shape); Result r = s.runner().feed(x, in).fetch(y).run()) {
      return r.get(0).shape();
    }
  }

  @Test
  void denseComputesXWPlusBByHand() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, 3);
      Network net = Network.of("D", ctx, new Dense(2));
      Operand<TFloat32> y = net.apply(x);
      assertArrayEquals(new long[] {-1, 2}, y.shape().asArray());
      try (Session s = Sessions.open(g, 1)) {
        GraphRuns.run(s, GraphRuns.assign(tf, variable(net, "kernel"), 1, 2, 3, 4, 5, 6),
            GraphRuns.assign(tf, variable(net, "bias"), 0.5f, -1f));
        float[] out = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(new float[] {1, 0, -1, 2, 1, 0.5f}, 2, 3)));
        // [1, 0, -1] W = [1 - 5, 2 - 6] = [-4, -4]; [2, 1, 0.5] W = [2 + 3 + 2.5, 4 + 4 + 3] = [7.5, 11].
        assertArrayEquals(new float[] {-3.5f, -5f, 8f, 10f}, out, 1e-6f);
      }
    }
  }

  @Test
  void denseFlattensHigherRankInputRowMajor() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, 2, 2);
      Network net = Network.of("D", ctx, new Dense(1, Initializer.constant(0f), false));
      Operand<TFloat32> y = net.apply(x);
      assertEquals(1, net.variables().size());
      try (Session s = Sessions.open(g, 1)) {
        GraphRuns.run(s, GraphRuns.assign(tf, variable(net, "kernel"), 1, 10, 100, 1000));
        float[] out = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(new float[] {1, 2, 3, 4, 4, 3, 2, 1}, 2, 2, 2)));
        assertArrayEquals(new float[] {4321, 1234}, out, 0f);
      }
    }
  }

  @Test
  void conv2dSameStrideTwoHalvesTheSize() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x28 = input(tf, -1, 28, 28, 1);
      Operand<TFloat32> y14 = Network.of("C", ctx, new Conv2d(8, 4, 2)).apply(x28);
      assertArrayEquals(new long[] {-1, 14, 14, 8}, y14.shape().asArray());
      Placeholder<TFloat32> x7 = input(tf, -1, 7, 7, 3);
      Operand<TFloat32> y4 = Network.of("C7", ctx, new Conv2d(5, 3, 2)).apply(x7);
      assertArrayEquals(new long[] {-1, 4, 4, 5}, y4.shape().asArray()); // ceil(7 / 2)
      try (Session s = Sessions.open(g, 1)) {
        assertEquals(Shape.of(2, 14, 14, 8), runShape(s, x28, new float[2 * 784], new long[] {2, 28, 28, 1}, y14));
        assertEquals(Shape.of(1, 4, 4, 5), runShape(s, x7, new float[147], new long[] {1, 7, 7, 3}, y4));
      }
    }
  }

  @Test
  void conv2dValuesWithZeroPaddingByHand() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, 3, 3, 1);
      // A 3x3 kernel of ones sums each 3x3 neighbourhood, zero-padded at the border.
      Operand<TFloat32> s1 = Network.of("A", ctx, new Conv2d(1, 3, 1, Initializer.constant(1f), false)).apply(x);
      Operand<TFloat32> s2 = Network.of("B", ctx, new Conv2d(1, 3, 2, Initializer.constant(1f), true)).apply(x);
      float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
      try (Session s = Sessions.open(g, 1)) {
        float[][] out = GraphRuns.fetch(s, Map.of(x, Tensors.floats(image, 1, 3, 3, 1)), List.of(s1, s2));
        assertArrayEquals(new float[] {12, 21, 16, 27, 45, 33, 24, 39, 28}, out[0], 0f);
        // Stride 2 SAME on 3x3 pads one on each side and centres the windows on (0,0), (0,2), (2,0), (2,2).
        assertArrayEquals(new float[] {12, 16, 24, 28}, out[1], 0f);
      }
    }
  }

  @Test
  void conv2dTransposeDoublesTheSize() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, 7, 7, 32);
      Operand<TFloat32> y = Network.of("T", ctx, new Conv2dTranspose(16, 4, 2)).apply(x);
      assertArrayEquals(new long[] {-1, 14, 14, 16}, y.shape().asArray());
      try (Session s = Sessions.open(g, 1)) {
        assertEquals(Shape.of(3, 14, 14, 16), runShape(s, x, new float[3 * 7 * 7 * 32], new long[] {3, 7, 7, 32}, y));
      }
    }
  }

  @Test
  void conv2dTransposeValuesByHand() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, 1, 1, 2);
      Network net = Network.of("T", ctx, new Conv2dTranspose(1, 2, 2));
      Operand<TFloat32> y = net.apply(x);
      // Kernel [kh, kw, out, in]: a 1x1 input pixel (a, b) becomes the 2x2 patch
      // y[i][j] = w[i][j][0][0] a + w[i][j][0][1] b (stride 2 = kernel 2: no overlap, no padding).
      try (Session s = Sessions.open(g, 1)) {
        GraphRuns.run(s, GraphRuns.assign(tf, variable(net, "kernel"), 1, 2, 3, 4, 5, 6, 7, 8),
            GraphRuns.assign(tf, variable(net, "bias"), 0.5f));
        float[] out = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(new float[] {1, 10}, 1, 1, 1, 2)));
        assertArrayEquals(new float[] {21.5f, 43.5f, 65.5f, 87.5f}, out, 0f);
      }
    }
  }

  @Test
  void maxoutPicksTheLargestPieceOfEachUnit() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, 2);
      Network net = Network.of("M", ctx, new Maxout(2, 3));
      Operand<TFloat32> y = net.apply(x);
      assertArrayEquals(new long[] {-1, 2}, y.shape().asArray());
      float[] kernel = {1, -1, 0, 2, 0, -3, /* row 2 */ 0, 1, 2, 1, -1, 0};
      float[] bias = {0, 0, 0.5f, 0, 1, 0};
      float[] inputs = {1, 2, -1, 0.5f};
      try (Session s = Sessions.open(g, 1)) {
        GraphRuns.run(s, GraphRuns.assign(tf, variable(net, "kernel"), kernel), GraphRuns.assign(tf, variable(net, "bias"), bias));
        float[] out = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(inputs, 2, 2)));
        // x = (1, 2): pieces (1, 1, 4.5 | 4, -1, -3) -> (4.5, 4).
        // x = (-1, 0.5): pieces (-1, 1.5, 1.5 | -1.5, 0.5, 3) -> (1.5, 3).
        assertArrayEquals(new float[] {4.5f, 4f, 1.5f, 3f}, out, 1e-6f);
      }
    }
  }

  @Test
  void layerNormGivesZeroMeanUnitVariancePerExample() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 4);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, 2, 2, 5);
      Operand<TFloat32> y = Network.of("L", ctx, new LayerNorm()).apply(x);
      int n = 3;
      int size = 20;
      float[] in = new float[n * size];
      java.util.SplittableRandom random = new java.util.SplittableRandom(3);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < size; j++) {
          in[i * size + j] = (float) (10 * i - 4 + (i + 1) * 2.5 * random.nextGaussian());
        }
      }
      try (Session s = Sessions.open(g, 1)) {
        float[] out = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(in, n, 2, 2, 5)));
        for (int i = 0; i < n; i++) {
          double mean = 0;
          double inMean = 0;
          for (int j = 0; j < size; j++) {
            mean += out[i * size + j];
            inMean += in[i * size + j];
          }
          mean /= size;
          inMean /= size;
          double var = 0;
          double inVar = 0;
          for (int j = 0; j < size; j++) {
            var += Math.pow(out[i * size + j] - mean, 2);
            inVar += Math.pow(in[i * size + j] - inMean, 2);
          }
          var /= size;
          inVar /= size;
          assertEquals(0, mean, 1e-5, "mean of example " + i);
          assertEquals(inVar / (inVar + 1e-5), var, 1e-4, "variance of example " + i);
          for (int j = 0; j < size; j++) {
            double expected = (in[i * size + j] - inMean) / Math.sqrt(inVar + 1e-5);
            assertEquals(expected, out[i * size + j], 1e-4, "element " + j + " of example " + i);
          }
        }
      }
    }
  }

  private static float[][] batchStats(float[] x, int n, int c) {
    float[] mean = new float[c];
    float[] var = new float[c];
    for (int ch = 0; ch < c; ch++) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += x[i * c + ch];
      }
      m /= n;
      double v = 0;
      for (int i = 0; i < n; i++) {
        v += Math.pow(x[i * c + ch] - m, 2);
      }
      mean[ch] = (float) m;
      var[ch] = (float) (v / n);
    }
    return new float[][] {mean, var};
  }

  @Test
  void batchNormTrainingUsesBatchStatsAndUpdatesMovingAverages() {
    int n = 6;
    int c = 3;
    float[] data = new float[n * c];
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        data[i * c + ch] = (float) ((ch + 1) * (i * i - 2.0 * i) + 5 * ch);
      }
    }
    float[][] stats = batchStats(data, n, c);
    float eps = 1e-5f;
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(tf, -1, c);
      Network net = Network.of("B", ctx, new BatchNorm(0.9f, eps));
      Operand<TFloat32> y = net.apply(x);
      assertEquals(4, net.variables().size());
      assertEquals(2, net.trainableVariables().size(), "moving statistics must not be trainable");
      assertEquals(2, net.updateOps().size());
      Variable<TFloat32> movingMean = variable(net, "moving_mean");
      Variable<TFloat32> movingVar = variable(net, "moving_variance");
      try (Session s = Sessions.open(g, 1)) {
        float[] train = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(data, n, c), ctx.trainingFlag(), TBool.scalarOf(true)));
        for (int i = 0; i < n; i++) {
          for (int ch = 0; ch < c; ch++) {
            double expected = (data[i * c + ch] - stats[0][ch]) / Math.sqrt(stats[1][ch] + eps);
            assertEquals(expected, train[i * c + ch], 1e-4, "training output " + i + "," + ch);
          }
        }
        // Fresh moving statistics are mean 0, variance 1.
        assertArrayEquals(new float[] {0, 0, 0}, GraphRuns.eval(s, movingMean), 0f);
        assertArrayEquals(new float[] {1, 1, 1}, GraphRuns.eval(s, movingVar), 0f);

        // One update: moving = 0.9 moving + 0.1 batch.
        GraphRuns.run(s, Map.of(x, Tensors.floats(data, n, c)), net.updateOps().toArray(new org.tensorflow.op.Op[0]));
        float[] mm = GraphRuns.eval(s, movingMean);
        float[] mv = GraphRuns.eval(s, movingVar);
        for (int ch = 0; ch < c; ch++) {
          assertEquals(0.1 * stats[0][ch], mm[ch], 1e-5 * Math.max(1, Math.abs(stats[0][ch])), "moving mean " + ch);
          assertEquals(0.9 + 0.1 * stats[1][ch], mv[ch], 1e-5 * Math.max(1, stats[1][ch]), "moving variance " + ch);
        }
        // A second update moves another 10% of the remaining distance: 0.19 of the batch mean.
        GraphRuns.run(s, Map.of(x, Tensors.floats(data, n, c)), net.updateOps().toArray(new org.tensorflow.op.Op[0]));
        mm = GraphRuns.eval(s, movingMean);
        mv = GraphRuns.eval(s, movingVar);
        for (int ch = 0; ch < c; ch++) {
          assertEquals(0.19 * stats[0][ch], mm[ch], 1e-5 * Math.max(1, Math.abs(stats[0][ch])), "moving mean " + ch);
        }

        // Inference mode (the default) normalises with the moving statistics.
        float[] infer = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(data, n, c)));
        for (int i = 0; i < n; i++) {
          for (int ch = 0; ch < c; ch++) {
            double expected = (data[i * c + ch] - mm[ch]) / Math.sqrt(mv[ch] + eps);
            assertEquals(expected, infer[i * c + ch], 1e-4 * Math.max(1, Math.abs(expected)), "inference output " + i + "," + ch);
          }
        }
        // And feeding false explicitly is the same.
        float[] inferFed = GraphRuns.eval(s, y,
            Map.of(x, Tensors.floats(data, n, c), ctx.trainingFlag(), TBool.scalarOf(false)));
        assertArrayEquals(infer, inferFed, 0f);
      }
    }
  }

  @Test
  void batchNormOnImagesUsesStatisticsOverBatchHeightAndWidth() {
    // [2, 2, 2, 2]: per channel statistics over 8 values.
    float[] data = new float[16];
    for (int i = 0; i < 16; i++) {
      data[i] = (i % 2 == 0) ? i : -3 * i + 1;
    }
    float[][] stats = batchStats(data, 8, 2); // NHWC flattened: channel is the fastest axis
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Placeholder<TFloat32> x = input(ctx.tf(), -1, 2, 2, 2);
      Operand<TFloat32> y = Network.of("B", ctx, new BatchNorm()).apply(x);
      try (Session s = Sessions.open(g, 1)) {
        float[] out = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(data, 2, 2, 2, 2), ctx.trainingFlag(), TBool.scalarOf(true)));
        for (int i = 0; i < 16; i++) {
          double expected = (data[i] - stats[0][i % 2]) / Math.sqrt(stats[1][i % 2] + 1e-5);
          assertEquals(expected, out[i], 1e-4, "element " + i);
        }
      }
    }
  }

  @Test
  void dropoutZeroesAboutRateAndRescalesTheRestInTrainingOnly() {
    float rate = 0.3f;
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 2);
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.fill(tf.constant(new long[] {100, 100}), tf.constant(1f));
      Operand<TFloat32> y = Network.of("P", ctx, new Dropout(rate)).apply(x);
      try (Session s = Sessions.open(g, 1)) {
        float[] train = GraphRuns.eval(s, y, Map.of(ctx.trainingFlag(), TBool.scalarOf(true)));
        int zeros = 0;
        for (float v : train) {
          if (v == 0f) {
            zeros++;
          } else {
            assertEquals(1 / 0.7, v, 1e-6, "kept units are scaled by 1 / (1 - rate)");
          }
        }
        // 10,000 Bernoulli(0.3): standard deviation 46, so +-300 is over 6 sigma.
        assertEquals(3000, zeros, 300, "dropped units");
        float[] again = GraphRuns.eval(s, y, Map.of(ctx.trainingFlag(), TBool.scalarOf(true)));
        assertArrayEquals(train, again, 0f, "same run index, same mask");
        float[] nextRun = GraphRuns.eval(s, y,
            Map.of(ctx.trainingFlag(), TBool.scalarOf(true), ctx.runSeedInput(), ctx.runSeedTensor(1)));
        assertFalse(Arrays.equals(train, nextRun), "a new run index must draw a new mask");

        float[] infer = GraphRuns.eval(s, y);
        for (float v : infer) {
          assertEquals(1f, v, 0f, "inference is the identity");
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1f));
    assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1f));
  }

  @Test
  void networkAppliedTwiceSharesVariables() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 8);
      Ops tf = ctx.tf();
      Network net = Network.of("S", ctx, new Dense(6), Activation.leakyRelu(0.2f), new LayerNorm(), new Dense(2));
      assertThrows(IllegalStateException.class, net::variables, "no variables before the first application");
      Placeholder<TFloat32> a = input(tf, -1, 3);
      Placeholder<TFloat32> b = input(tf, -1, 3);
      Operand<TFloat32> ya = net.apply(a);
      List<Variable<TFloat32>> first = net.variables();
      assertEquals(6, first.size());
      assertEquals("S/0_dense/kernel", first.get(0).op().name());
      Operand<TFloat32> yb = net.apply(b);
      assertEquals(first, net.variables());
      assertEquals(6, net.trainableVariables().size());
      float[] in = {0.5f, -1f, 2f, 3f, 0f, -0.25f};
      try (Session s = Sessions.open(g, 1)) {
        float[][] out = GraphRuns.fetch(s, Map.of(a, Tensors.floats(in, 2, 3), b, Tensors.floats(in, 2, 3)), List.of(ya, yb));
        assertArrayEquals(out[0], out[1], 0f);
        // Changing a shared weight changes both applications.
        GraphRuns.run(s, tf.assign(first.get(0), tf.math.mul(first.get(0), tf.constant(2f))));
        float[][] changed = GraphRuns.fetch(s, Map.of(a, Tensors.floats(in, 2, 3), b, Tensors.floats(in, 2, 3)), List.of(ya, yb));
        assertArrayEquals(changed[0], changed[1], 0f);
        assertFalse(Arrays.equals(out[0], changed[0]));
      }
    }
  }

  @Test
  void newVariableAfterFirstApplicationIsRejected() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 8);
      int[] calls = {0};
      Layer sneaky = (c, x) -> {
        c.variable("w" + calls[0]++, Shape.of(1), Initializer.constant(1f), 1, 1, true);
        return x;
      };
      Network net = Network.of("Z", ctx, sneaky);
      Placeholder<TFloat32> x = input(ctx.tf(), -1, 1);
      net.apply(x);
      assertThrows(IllegalStateException.class, () -> net.apply(x));
    }
  }

  @Test
  void activationsByHand() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Placeholder<TFloat32> fed = input(ctx.tf(), -1, 4);
      Operand<TFloat32> x = ctx.tf().identity(fed);
      float[] in = {-2f, -0.5f, 0f, 3f};
      List<Operand<TFloat32>> outs = List.of(
          Network.of("r", ctx, Activation.relu()).apply(x),
          Network.of("l", ctx, Activation.named("leakyrelu")).apply(x),
          Network.of("t", ctx, Activation.tanh()).apply(x),
          Network.of("s", ctx, Activation.sigmoid()).apply(x),
          Network.of("p", ctx, Activation.softplus()).apply(x),
          Network.of("i", ctx, Activation.named("linear")).apply(x));
      try (Session s = Sessions.open(g, 1)) {
        float[][] out = GraphRuns.fetch(s, Map.of(fed, Tensors.floats(in, 1, 4)), outs);
        for (int j = 0; j < 4; j++) {
          double v = in[j];
          assertEquals(Math.max(v, 0), out[0][j], 1e-6);
          assertEquals(v > 0 ? v : 0.2 * v, out[1][j], 1e-6);
          assertEquals(Math.tanh(v), out[2][j], 1e-6);
          assertEquals(1 / (1 + Math.exp(-v)), out[3][j], 1e-6);
          assertEquals(Math.log(1 + Math.exp(v)), out[4][j], 1e-6);
          assertEquals(v, out[5][j], 0);
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Activation.named("swish"));
  }
}
