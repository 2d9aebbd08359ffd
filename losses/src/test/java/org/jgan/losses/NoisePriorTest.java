package org.jgan.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** The GAN paper's unit-variance uniform noise, in the graph and in Java. */
class NoisePriorTest {
  private static final int DRAWS = 200_000;

  @Test
  void unitVarianceUniformHasVarianceOneOnPlusMinusRootThree() {
    NoisePrior prior = new NoisePrior(NoisePrior.Kind.UNIFORM_UNIT_VARIANCE, 100);
    float[] inGraph;
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 5);
      Operand<TFloat32> z = prior.sample(ctx, DRAWS / 100);
      try (Session s = Sessions.open(g, 1); Result r = s.runner().fetch(z).run()) {
        inGraph = Tensors.toFloats(r.get(0));
      }
    }
    float[] inJava = prior.sample(new SplittableRandom(5), DRAWS / 100);
    for (float[] z : new float[][] {inGraph, inJava}) {
      assertEquals(DRAWS, z.length);
      double sum = 0;
      double squares = 0;
      double max = 0;
      for (float v : z) {
        sum += v;
        squares += v * v;
        max = Math.max(max, Math.abs(v));
      }
      double mean = sum / z.length;
      // The variance estimate's standard error is sqrt(0.8 / N) = 0.002 for a uniform of variance 1.
      assertEquals(0, mean, 0.01);
      assertEquals(1, squares / z.length - mean * mean, 0.01, "variance");
      assertTrue(max <= Math.sqrt(3) && max > 1.7, "support is (-sqrt 3, sqrt 3), max |z| " + max);
    }
  }

  @Test
  void priorsAreNamedAsOnTheCommandLine() {
    assertEquals(NoisePrior.Kind.UNIFORM_UNIT_VARIANCE, NoisePrior.Kind.byId("uniform-unit-variance"));
    assertEquals(NoisePrior.Kind.UNIFORM, NoisePrior.Kind.byId("uniform"));
    assertThrows(IllegalArgumentException.class, () -> NoisePrior.Kind.byId("gaussian"));
  }
}
