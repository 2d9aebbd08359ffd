package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.layers.Conv2d;
import org.jgan.graphs.layers.Dense;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class InitializerTest {
  private static float[] sample(Initializer init, Shape shape, long fanIn, long fanOut, String name) {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 21);
      Operand<TFloat32> value = init.initialValue(ctx.tf(), shape, fanIn, fanOut, ctx.initSeed(name));
      assertArrayEquals(shape.asArray(), value.shape().asArray());
      try (Session s = Sessions.open(g, 1)) {
        return GraphRuns.eval(s, value);
      }
    }
  }

  private static double mean(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  private static double std(float[] v) {
    double m = mean(v);
    double sum = 0;
    for (float x : v) {
      sum += (x - m) * (x - m);
    }
    return Math.sqrt(sum / v.length);
  }

  private static double maxAbs(float[] v) {
    double max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }

  @Test
  void normalHasTheRequestedStd() {
    float[] w = sample(Initializer.normal(0.02f), Shape.of(200, 250), 200, 250, "w");
    assertEquals(50_000, w.length);
    // Standard error of the mean is 0.02 / sqrt(50,000) = 9e-5; of the std about 0.3%.
    assertEquals(0, mean(w), 5e-4);
    assertEquals(0.02, std(w), 0.02 * 0.02);
    // Gaussian, not uniform: 68.3% within one std (a uniform of the same std has 57.7%).
    long within = 0;
    for (float x : w) {
      if (Math.abs(x) < 0.02) {
        within++;
      }
    }
    assertEquals(0.6827, within / 50_000.0, 0.01);
  }

  @Test
  void uniformStaysInItsBoundsAndFillsThem() {
    float a = 0.3f;
    float[] w = sample(Initializer.uniform(a), Shape.of(100, 100), 100, 100, "u");
    for (float x : w) {
      assertTrue(x >= -a && x <= a, "value " + x + " outside [-0.3, 0.3]");
    }
    assertTrue(maxAbs(w) > 0.99 * a);
    assertEquals(0, mean(w), 0.01);
    // Var of U[-a, a] is a^2 / 3.
    assertEquals(a / Math.sqrt(3), std(w), 0.02 * a / Math.sqrt(3));
  }

  @Test
  void glorotUniformBoundIsSqrtSixOverFanInPlusFanOut() {
    double bound = Math.sqrt(6.0 / (300 + 100));
    float[] w = sample(Initializer.glorotUniform(), Shape.of(300, 100), 300, 100, "g");
    assertTrue(maxAbs(w) <= bound + 1e-7, "max " + maxAbs(w) + " above " + bound);
    assertTrue(maxAbs(w) > 0.99 * bound, "max " + maxAbs(w) + " well below " + bound);
    assertEquals(bound / Math.sqrt(3), std(w), 0.02 * bound / Math.sqrt(3));
  }

  @Test
  void constantFills() {
    float[] w = sample(Initializer.constant(0.75f), Shape.of(3, 2), 3, 2, "c");
    assertArrayEquals(new float[] {0.75f, 0.75f, 0.75f, 0.75f, 0.75f, 0.75f}, w, 0f);
  }

  @Test
  void layersPassTheirFansToGlorot() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 2);
      Placeholder<TFloat32> flat = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 300)));
      Placeholder<TFloat32> image = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 3)));
      Network dense = Network.of("D", ctx, new Dense(100));
      dense.apply(flat);
      Network conv = Network.of("C", ctx, new Conv2d(16, 5, 1, Initializer.glorotUniform(), true));
      conv.apply(image);
      try (Session s = Sessions.open(g, 1)) {
        float[] dk = GraphRuns.eval(s, dense.variables().get(0));
        double denseBound = Math.sqrt(6.0 / (300 + 100));
        assertTrue(maxAbs(dk) <= denseBound + 1e-7 && maxAbs(dk) > 0.99 * denseBound, "dense max " + maxAbs(dk));
        assertArrayEquals(new float[100], GraphRuns.eval(s, dense.variables().get(1)), 0f, "dense bias starts at 0");
        float[] ck = GraphRuns.eval(s, conv.variables().get(0));
        assertEquals(5 * 5 * 3 * 16, ck.length);
        // Conv fans: kernel area times input channels (75) and times output channels (400).
        double convBound = Math.sqrt(6.0 / (75 + 400));
        assertTrue(maxAbs(ck) <= convBound + 1e-7 && maxAbs(ck) > 0.97 * convBound, "conv max " + maxAbs(ck));
      }
    }
  }

  /** The initial kernels of two same-shaped layers of network "N" in a graph seeded with {@code seed}. */
  private static float[][] initialKernels(long seed) {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, seed);
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 20)));
      Network net = Network.of("N", ctx, new Dense(20, Initializer.normal(0.02f), true), new Dense(20, Initializer.normal(0.02f), true));
      net.apply(x);
      try (Session s = Sessions.open(g, 1)) {
        return GraphRuns.fetch(s, Map.of(), List.of(net.variables().get(0), net.variables().get(2)));
      }
    }
  }

  @Test
  void initialValuesFollowTheRunSeedAndTheVariableName() {
    float[][] a = initialKernels(9);
    float[][] b = initialKernels(9);
    float[][] c = initialKernels(10);
    assertArrayEquals(a[0], b[0], 0f, "same seed, same values");
    assertArrayEquals(a[1], b[1], 0f, "same seed, same values");
    assertFalse(Arrays.equals(a[0], c[0]), "a different run seed must give different values");
    assertFalse(Arrays.equals(a[0], a[1]), "two variables of the same shape must differ");
  }
}
