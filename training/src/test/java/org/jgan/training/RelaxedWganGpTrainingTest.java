package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.RelaxedWganGp;
import org.jgan.losses.WganGp;
import org.junit.jupiter.api.Test;

/**
 * {@code wgan-gp} on discrete data from a configuration: the relaxed objective, and no discrete-BGAN
 * setting accepted. WGAN-GP relaxed for discrete data learns {@link BitTemplate}'s 16-bit distribution (the first
 * 8 bits on with probability 0.9, the rest 0.1): the generator's per-bit probabilities start near 0.5
 * and move toward that template, and the critic's Wasserstein estimate, large while the
 * probabilities are far from the one-hot data, falls as they approach it.
 */
class RelaxedWganGpTrainingTest {
  @Test
  void generatorMovesTowardTheDataAndTheEstimateFalls() throws Exception {
    ObjectiveOptions options = new ObjectiveOptions(null, 1e-3f, false, null, null);
    ModelSpec spec = new ModelSpec(WganGp.TYPE.createRelaxed(options, DiscreteBgan.Kind.BINARY), new Mlp(32, 2),
        new int[] {BitTemplate.BITS}, Activation.identity(), NoisePrior.normal(4), 64, 3);
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(BitTemplate.data(), 64, 3), 2)) {
      double before = BitTemplate.error(trainer);
      double early = 0;
      double late = 0;
      int iterations = 200;
      int window = 40;
      for (int i = 0; i < iterations; i++) {
        Map<String, Float> metrics = trainer.iterate();
        float estimate = metrics.get("critic/wasserstein_estimate");
        if (i >= 10 && i < 10 + window) {
          early += estimate / window;
        } else if (i >= iterations - window) {
          late += estimate / window;
        }
      }
      double after = BitTemplate.error(trainer);
      assertTrue(before > 0.3, "an untrained generator is near 0.5 everywhere: " + before);
      assertTrue(after < before - 0.15, "mean |p - template| " + before + " -> " + after);
      assertTrue(late < early, "Wasserstein estimate, mean of iterations 10-49 " + early + " -> last 40 " + late);
    }
  }

  @Test
  void aConfigurationOnDiscreteDataGetsTheRelaxedObjectiveAndNoBganSettings() {
    RunConfig config = TrainingSettings.of("wgan-gp", "binary-mnist").resolve();
    RelaxedWganGp objective = assertInstanceOf(RelaxedWganGp.class, RunModel.objective(config));
    assertEquals(DiscreteBgan.Kind.BINARY, objective.kind());
    assertEquals(DiscreteBgan.Kind.MULTINOMIAL,
        ((RelaxedWganGp) RunModel.objective(TrainingSettings.of("wgan-gp", "text").resolve())).kind());
    IllegalArgumentException divergence = assertThrows(IllegalArgumentException.class,
        () -> TrainingSettings.of("wgan-gp", "binary-mnist").divergence("kl").resolve());
    assertTrue(divergence.getMessage().startsWith("--divergence: objective 'wgan-gp' does not take it"),
        divergence.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TrainingSettings.of("gan-ns", "mnist").samplesPerZ(4).resolve());
    assertThrows(IllegalArgumentException.class,
        () -> RunModel.objective(TrainingSettings.of("gan-ns", "binary-mnist").resolve()));
  }
}
