package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

class GraphContextTest {
  private static final int N = 10_000;

  /** Values of normal() and uniform() at each run index in {@code runs} (-1: leave the run seed unfed). */
  private static float[][] draw(long seed, long... runs) {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, seed);
      Operand<TFloat32> normal = ctx.normal(ctx.tf().constant(new long[] {N}));
      Operand<TFloat32> uniform = ctx.uniform(ctx.tf().constant(new long[] {N}));
      Operand<TFloat32> normal2 = ctx.normal(ctx.tf().constant(new long[] {N}));
      float[][] out = new float[3 * runs.length][];
      try (Session s = Sessions.open(g, 1)) {
        for (int i = 0; i < runs.length; i++) {
          Map<org.tensorflow.Operand<?>, org.tensorflow.Tensor> feeds =
              runs[i] < 0 ? Map.of() : Map.of(ctx.runSeedInput(), ctx.runSeedTensor(runs[i]));
          float[][] r = GraphRuns.fetch(s, feeds, List.of(normal, uniform, normal2));
          System.arraycopy(r, 0, out, 3 * i, 3);
        }
      }
      return out;
    }
  }

  @Test
  void sameRunIndexSameValuesDifferentIndexDifferentValues() {
    float[][] d = draw(3, 0, 1, 1, -1, 0);
    // Run index 1 twice.
    assertArrayEquals(d[3], d[6], 0f);
    assertArrayEquals(d[4], d[7], 0f);
    // Unfed means run index 0.
    assertArrayEquals(d[0], d[9], 0f);
    assertArrayEquals(d[0], d[12], 0f);
    assertArrayEquals(d[1], d[10], 0f);
    // Index 0 and index 1 differ, for both kinds of op.
    assertFalse(Arrays.equals(d[0], d[3]));
    assertFalse(Arrays.equals(d[1], d[4]));
    // Two random ops in one graph draw different numbers at the same index.
    assertFalse(Arrays.equals(d[0], d[2]));
  }

  @Test
  void sameSeedInAnotherGraphReproducesAndAnotherSeedDiffers() {
    float[][] a = draw(3, 5);
    float[][] b = draw(3, 5);
    float[][] c = draw(4, 5);
    assertArrayEquals(a[0], b[0], 0f);
    assertArrayEquals(a[1], b[1], 0f);
    assertFalse(Arrays.equals(a[0], c[0]));
    assertFalse(Arrays.equals(a[1], c[1]));
  }

  @Test
  void distributionsHaveTheRightMoments() {
    float[][] d = draw(11, 2);
    double mean = 0;
    double sq = 0;
    for (float v : d[0]) {
      mean += v;
      sq += v * v;
    }
    mean /= N;
    // N(0, 1): standard error of the mean 0.01, of the second moment about 0.014.
    assertEquals(0, mean, 0.05);
    assertEquals(1, sq / N, 0.07);
    double umean = 0;
    for (float v : d[1]) {
      assertTrue(v >= 0f && v < 1f, "uniform value " + v);
      umean += v;
    }
    // U[0, 1): mean 0.5, standard error 0.003.
    assertEquals(0.5, umean / N, 0.015);
  }

  @Test
  void runSeedTensorIsSeedAndIndex() {
    try (Graph g = new Graph(); var t = new GraphContext(g, 77).runSeedTensor(12)) {
      assertEquals(77L, t.getLong(0));
      assertEquals(12L, t.getLong(1));
    }
  }

  @Test
  void uniqueNamesCountUp() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      assertEquals("opt", ctx.uniqueName("opt"));
      assertEquals("opt_1", ctx.uniqueName("opt"));
      assertEquals("opt_2", ctx.uniqueName("opt"));
      // A name already taken by an op in the graph is skipped too.
      ctx.tf().withName("taken").constant(1f);
      assertEquals("taken_1", ctx.uniqueName("taken"));
    }
  }
}
