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
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** Spectral normalisation: the power iteration's estimate, the normalised weight's norm, and when u moves. */
class SpectralNormTest {
  /** K = [[3, 0], [4, 5]]: K^T K = [[25, 20], [20, 25]] has eigenvalues 45 and 5, so sigma_1 = sqrt(45) = 3 sqrt(5). */
  private static final float[] KERNEL = {3, 0, 4, 5};

  @Test
  void powerIterationConvergesToTheTopSingularValueAndTheNormalisedWeightHasNormOne() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 3);
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
      Network net = Network.of("D", ctx, new Dense(2, Initializer.values(KERNEL), false).spectrallyNormalised());
      Operand<TFloat32> y = net.apply(x);
      try (Session s = Sessions.open(g, 1)) {
        // sigma_2 / sigma_1 = 1/3, so each iteration shrinks the error about 9-fold: 10 are plenty.
        for (int i = 0; i < 10; i++) {
          GraphRuns.run(s, Map.of(ctx.trainingFlag(), TBool.scalarOf(true)), updates(net));
        }
        // The identity as input: the output is the normalised kernel K / sigma.
        float[] normalised = GraphRuns.eval(s, y, Map.of(x, Tensors.floats(new float[] {1, 0, 0, 1}, 2, 2)));
        double sigma = KERNEL[0] / normalised[0];
        assertEquals(3 * Math.sqrt(5), sigma, 1e-4);
        for (int i = 0; i < 4; i++) {
          assertEquals(KERNEL[i] / sigma, normalised[i], 1e-6, "element " + i);
        }
        assertEquals(1.0, topSingularValue2x2(normalised), 1e-5);
      }
    }
  }

  @Test
  void convolutionKernelIsNormalisedAsAKernelSizeTimesInputsByFiltersMatrix() {
    assertConvNormalised(new Conv2d(3, 2, 1, Initializer.normal(1f), false).spectrallyNormalised(), false);
  }

  @Test
  void transposedConvolutionKernelIsNormalisedWithOutputChannelsAsColumns() {
    assertConvNormalised(new Conv2dTranspose(3, 2, 1, Initializer.normal(1f), false).spectrallyNormalised(), true);
  }

  @Test
  void uMovesOnlyWhenTheUpdateRunsInTrainingMode() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 5);
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
      Network net = Network.of("D", ctx, new Dense(2, Initializer.values(KERNEL), false).spectrallyNormalised());
      Operand<TFloat32> y = net.apply(x);
      Variable<TFloat32> u = uOf(net);
      assertFalse(net.trainableVariables().contains(u), "u must not be trained");
      try (Session s = Sessions.open(g, 1)) {
        float[] initial = GraphRuns.eval(s, u);
        GraphRuns.eval(s, y, Map.of(x, Tensors.floats(new float[] {1, 2}, 1, 2)));
        GraphRuns.run(s, Map.of(ctx.trainingFlag(), TBool.scalarOf(false)), updates(net));
        GraphRuns.run(s, updates(net));
        assertArrayEquals(initial, GraphRuns.eval(s, u), 0f, "inference mode moved u");
        GraphRuns.run(s, Map.of(ctx.trainingFlag(), TBool.scalarOf(true)), updates(net));
        float[] trained = GraphRuns.eval(s, u);
        assertFalse(Arrays.equals(initial, trained), "training mode left u where it was");
        assertEquals(1.0, Math.hypot(trained[0], trained[1]), 1e-5, "u is a unit vector after an update");
      }
    }
  }

  @Test
  void criticLayersAreNormalisedAndLayersWithoutAFormAreRefused() {
    List<Layer> normalised = SpectralNorm.applyTo(List.of(new Dense(4), Activation.relu(), new Conv2d(2, 3, 1)));
    assertTrue(((Dense) normalised.get(0)).spectralNorm());
    assertEquals(Activation.relu().kind(), normalised.get(1).kind());
    assertTrue(((Conv2d) normalised.get(2)).spectralNorm());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpectralNorm.applyTo(List.of(new Maxout(4, 2, Initializer.glorotUniform()))));
    assertTrue(e.getMessage().contains("maxout"), e.getMessage());
  }

  /**
   * Runs the update 60 times, then compares sigma read off the layer (raw convolution over normalised
   * convolution) with the top singular value of the kernel as a [kh * kw * in, out] matrix,
   * computed here by power iteration in double precision.
   */
  private static void assertConvNormalised(Layer layer, boolean transposed) {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 11);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3, 3, 2)));
      Network net = Network.of("C", ctx, layer);
      Operand<TFloat32> normalisedOut = net.apply(x);
      Variable<TFloat32> kernel = net.trainableVariables().get(0);
      // The same operation on the raw kernel.
      List<Long> strides = List.of(1L, 1L, 1L, 1L);
      Operand<TFloat32> rawOut = transposed
          ? tf.nn.conv2dBackpropInput(tf.constant(new int[] {1, 3, 3, 3}), kernel, x, strides, "SAME")
          : tf.nn.conv2d(x, kernel, strides, "SAME");
      try (Session s = Sessions.open(g, 1)) {
        for (int i = 0; i < 60; i++) {
          GraphRuns.run(s, Map.of(ctx.trainingFlag(), TBool.scalarOf(true)), updates(net));
        }
        float[] input = new float[18];
        for (int i = 0; i < input.length; i++) {
          input[i] = (float) Math.sin(i + 1.0);
        }
        float[][] outs = GraphRuns.fetch(s, Map.of(x, Tensors.floats(input, 1, 3, 3, 2)),
            List.of(normalisedOut, rawOut));
        int largest = 0;
        for (int i = 1; i < outs[1].length; i++) {
          largest = Math.abs(outs[1][i]) > Math.abs(outs[1][largest]) ? i : largest;
        }
        double sigma = outs[1][largest] / outs[0][largest];
        double expected = topSingularValue(asMatrix(GraphRuns.eval(s, kernel), transposed));
        assertEquals(expected, sigma, 1e-3 * expected);
      }
    }
  }

  /** A [2, 2, 2, 3] conv kernel ([kh, kw, in, out]) or transposed-conv kernel ([kh, kw, out, in]) as [8, 3]. */
  private static double[][] asMatrix(float[] kernel, boolean transposed) {
    double[][] m = new double[8][3];
    for (int position = 0; position < 4; position++) {
      for (int in = 0; in < 2; in++) {
        for (int out = 0; out < 3; out++) {
          m[position * 2 + in][out] = transposed ? kernel[position * 6 + out * 2 + in] : kernel[position * 6 + in * 3 + out];
        }
      }
    }
    return m;
  }

  private static double topSingularValue(double[][] m) {
    double[] v = {1, 0.5, 0.25};
    double sigma = 0;
    for (int iteration = 0; iteration < 500; iteration++) {
      double[] mv = new double[m.length];
      for (int r = 0; r < m.length; r++) {
        for (int c = 0; c < v.length; c++) {
          mv[r] += m[r][c] * v[c];
        }
      }
      double[] next = new double[v.length];
      for (int c = 0; c < v.length; c++) {
        for (int r = 0; r < m.length; r++) {
          next[c] += m[r][c] * mv[r];
        }
      }
      double norm = Math.sqrt(Arrays.stream(next).map(a -> a * a).sum());
      sigma = Math.sqrt(norm);
      for (int c = 0; c < v.length; c++) {
        v[c] = next[c] / norm;
      }
    }
    return sigma;
  }

  /** sigma_1 of [[a, b], [c, d]]: sqrt((f + sqrt(f^2 - 4 det^2)) / 2), f the squared Frobenius norm. */
  private static double topSingularValue2x2(float[] m) {
    double f = m[0] * m[0] + m[1] * m[1] + m[2] * m[2] + m[3] * m[3];
    double det = m[0] * m[3] - m[1] * m[2];
    return Math.sqrt((f + Math.sqrt(f * f - 4 * det * det)) / 2);
  }

  private static Variable<TFloat32> uOf(Network net) {
    return net.variables().stream().filter(v -> v.op().name().endsWith(SpectralNorm.U_VARIABLE)).findFirst()
        .orElseThrow();
  }

  private static Op[] updates(Network net) {
    return net.updateOps().toArray(new Op[0]);
  }
}
