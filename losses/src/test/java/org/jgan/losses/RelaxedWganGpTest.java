package org.jgan.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.NamedArchitecture;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * WGAN-GP relaxed for discrete data: what its critic reads (probabilities that sum to 1 per element,
 * one-hot real data), where its penalty's interpolates lie, and which networks it builds.
 */
class RelaxedWganGpTest {
  private static float[] run(java.util.function.Function<Ops, Operand<TFloat32>> build) {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      Operand<TFloat32> out = build.apply(Ops.create(g));
      try (Result r = s.runner().fetch(out).run()) {
        return Tensors.toFloats(r.get(0));
      }
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Binary logits l per pixel become [1 - sigmoid(l), sigmoid(l)]: two categories summing to 1. */
  @Test
  void binaryCriticInputIsEachPixelsTwoProbabilities() {
    float[] logits = {-3f, 0f, 0.5f, 4f};
    float[] relaxed = run(tf -> RelaxedWganGp.relaxedFake(tf, DiscreteBgan.Kind.BINARY,
        tf.constant(new float[][][] {{{logits[0]}, {logits[1]}}, {{logits[2]}, {logits[3]}}})));
    assertEquals(8, relaxed.length, "[1, 2, 2, 1] logits give [1, 2, 2, 2] probabilities");
    for (int i = 0; i < logits.length; i++) {
      assertEquals(1 - sigmoid(logits[i]), relaxed[2 * i], 1e-6, "category 0 of pixel " + i);
      assertEquals(sigmoid(logits[i]), relaxed[2 * i + 1], 1e-6, "category 1 of pixel " + i);
      assertEquals(1.0, relaxed[2 * i] + relaxed[2 * i + 1], 1e-6, "pixel " + i + " sums to 1");
    }
    float[] real = run(tf -> RelaxedWganGp.relaxedReal(tf, DiscreteBgan.Kind.BINARY,
        tf.constant(new float[][] {{0f}, {1f}})));
    assertArrayEquals(new float[] {1f, 0f, 0f, 1f}, real, "a real 0 is [1, 0], a real 1 is [0, 1]");
  }

  /** Multinomial logits [B, positions, K] (rank 3) give a softmax over K at every position. */
  @Test
  void multinomialCriticInputIsTheSoftmaxAtEveryPosition() {
    float[][][] logits = {{{1f, 2f, 3f}, {0f, 0f, -5f}}, {{10f, -10f, 0f}, {0.3f, 0.2f, 0.1f}}};
    float[] relaxed = run(tf -> RelaxedWganGp.relaxedFake(tf, DiscreteBgan.Kind.MULTINOMIAL, tf.constant(logits)));
    int row = 0;
    for (float[][] example : logits) {
      for (float[] position : example) {
        double z = 0;
        for (float l : position) {
          z += Math.exp(l);
        }
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          assertEquals(Math.exp(position[k]) / z, relaxed[row * 3 + k], 1e-6);
          sum += relaxed[row * 3 + k];
        }
        assertEquals(1.0, sum, 1e-6, "position " + row + " sums to 1");
        row++;
      }
    }
  }

  /**
   * The penalty's interpolates x^ = x + alpha (p - x) between one-hot real x and probabilities p: each
   * pixel's categories stay in [min, max] of the two ends, still sum to 1, and equal the closed form.
   */
  @Test
  void interpolatesLieBetweenOneHotAndProbabilities() {
    float[][][] logits = {{{-2f}, {1.5f}}, {{0.2f}, {3f}}};
    float[][][] real = {{{1f}, {0f}}, {{0f}, {1f}}};
    float[] alpha = {0.25f, 0.8f};
    float[] p = run(tf -> RelaxedWganGp.relaxedFake(tf, DiscreteBgan.Kind.BINARY, tf.constant(logits)));
    float[] x = run(tf -> RelaxedWganGp.relaxedReal(tf, DiscreteBgan.Kind.BINARY, tf.constant(real)));
    float[] mixed = run(tf -> WganGp.interpolate(tf,
        RelaxedWganGp.relaxedReal(tf, DiscreteBgan.Kind.BINARY, tf.constant(real)),
        RelaxedWganGp.relaxedFake(tf, DiscreteBgan.Kind.BINARY, tf.constant(logits)), tf.constant(alpha)));
    assertEquals(8, mixed.length);
    for (int i = 0; i < mixed.length; i++) {
      float a = alpha[i / 4];
      assertEquals(x[i] + a * (p[i] - x[i]), mixed[i], 1e-6, "value " + i);
      assertTrue(mixed[i] >= Math.min(x[i], p[i]) - 1e-6 && mixed[i] <= Math.max(x[i], p[i]) + 1e-6,
          "value " + i + " = " + mixed[i] + " lies between " + x[i] + " and " + p[i]);
    }
    for (int pixel = 0; pixel < 4; pixel++) {
      assertEquals(1.0, mixed[2 * pixel] + mixed[2 * pixel + 1], 1e-6, "interpolated pixel " + pixel + " sums to 1");
    }
  }

  /** wgan-gp on discrete data: its relaxed form, a critic over the doubled channel axis, batch norm refused; gan-ns has none. */
  @Test
  void buildsLogitGeneratorAndCriticOverTheCategories() {
    Objective objective = WganGp.TYPE.createRelaxed(ObjectiveOptions.PAPER_DEFAULTS, DiscreteBgan.Kind.BINARY);
    assertInstanceOf(RelaxedWganGp.class, objective);
    assertEquals("wgan-gp", objective.name());
    assertEquals(DiscreteBgan.Kind.BINARY, ((DiscreteGenerator) objective).kind());
    assertArrayEquals(new int[] {28, 28, 2}, RelaxedWganGp.relaxedShape(DiscreteBgan.Kind.BINARY, new int[] {28, 28, 1}));
    assertArrayEquals(new int[] {32, 97}, RelaxedWganGp.relaxedShape(DiscreteBgan.Kind.MULTINOMIAL, new int[] {32, 97}));

    var withBatchNorm = NamedArchitecture.named("dcgan28-bn").build(8, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> objective.layersFor(Role.DISCRIMINATOR, withBatchNorm, new ModelShape(new int[] {28, 28, 1}, 3,
            Activation.sigmoid())));
    assertTrue(e.getMessage().contains("batch norm"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Gan.NON_SATURATING_TYPE.createRelaxed(ObjectiveOptions.PAPER_DEFAULTS, DiscreteBgan.Kind.BINARY));
  }
}
