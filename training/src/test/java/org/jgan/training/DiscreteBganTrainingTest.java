package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Discrete BGAN learns a binary distribution: 16 bits, the first 8 on with probability 0.9 and
 * the rest with 0.1. The generator's per-bit probabilities start near 0.5 and must move toward
 * that template (mean absolute error measured before and after a short fixed-seed run).
 */
class DiscreteBganTrainingTest {
  @ParameterizedTest
  @CsvSource({"bgan-discrete, gan", "bgan-discrete, kl", "bgan-discrete, chi2", "bgan-reinforce, gan"})
  void generatorMovesTowardTheData(String name, String divergence) throws Exception {
    ObjectiveOptions options = new ObjectiveOptions(null, 1e-3f, false, null, null);
    ModelSpec spec = new ModelSpec(
        Objectives.discrete(name, options, DiscreteBgan.Kind.BINARY, FDivergence.byId(divergence), 10),
        new Mlp(32, 2), new int[] {BitTemplate.BITS}, Activation.identity(), NoisePrior.normal(4), 64, 3);
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(BitTemplate.data(), 64, 3), 2)) {
      double before = BitTemplate.error(trainer);
      for (int i = 0; i < 300; i++) {
        trainer.iterate();
      }
      double after = BitTemplate.error(trainer);
      assertTrue(before > 0.3, name + "/" + divergence + ": an untrained generator is near 0.5 everywhere: " + before);
      assertTrue(after < before - 0.15, name + "/" + divergence + ": mean |p - template| " + before + " -> " + after);
    }
  }

  /** 6 positions over 5 categories, i.i.d. with probabilities (0.6, 0.1, 0.1, 0.1, 0.1). */
  @ParameterizedTest
  @CsvSource({"bgan-discrete, gan", "bgan-reinforce, js"})
  void multinomialGeneratorMovesTowardTheData(String name, String divergence) throws Exception {
    int positions = 6;
    int k = 5;
    SplittableRandom random = new SplittableRandom(9);
    float[] values = new float[1024 * positions * k];
    for (int p = 0; p < 1024 * positions; p++) {
      double u = random.nextDouble();
      int category = u < 0.6 ? 0 : 1 + (int) ((u - 0.6) / 0.1);
      values[p * k + Math.min(category, k - 1)] = 1f;
    }
    Dataset data = new Dataset("categories", new int[] {positions, k}, values, null);
    ModelSpec spec = new ModelSpec(
        Objectives.discrete(name, new ObjectiveOptions(null, 1e-3f, false, null, null), DiscreteBgan.Kind.MULTINOMIAL,
            FDivergence.byId(divergence), 10),
        new Mlp(32, 2), new int[] {positions, k}, Activation.identity(), NoisePrior.normal(4), 64, 3);
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(data, 64, 3), 2)) {
      double before = categoryError(trainer.sample(512, 1), k);
      for (int i = 0; i < 300; i++) {
        trainer.iterate();
      }
      double after = categoryError(trainer.sample(512, 1), k);
      assertTrue(after < before - 0.15, name + "/" + divergence + ": |p(category 0) - 0.6| " + before + " -> " + after);
    }
  }

  private static double categoryError(float[] probabilities, int k) {
    double first = 0;
    int rows = probabilities.length / k;
    for (int r = 0; r < rows; r++) {
      first += probabilities[r * k];
    }
    return Math.abs(first / rows - 0.6);
  }
}
