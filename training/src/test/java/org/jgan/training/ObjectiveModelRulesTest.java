package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.models.Dcgan28Bn;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.junit.jupiter.api.Test;

/**
 * Objective rules that only show once a model is assembled: WGAN-GP refuses a batch-norm critic, and
 * continuous BGAN's optional gradient penalty adds exactly its weighted term to the discriminator loss.
 */
class ObjectiveModelRulesTest {
  private static ModelSpec spec(String objective, Architecture architecture) {
    return new ModelSpec(Objectives.named(objective), architecture, new int[] {28, 28, 1}, Activation.tanh(),
        NoisePrior.normal(100), 64, 1);
  }

  @Test
  void refusesACriticWithBatchNorm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> spec("wgan-gp", new Dcgan28Bn()).networkLayers());
    assertTrue(e.getMessage().contains("wgan-gp") && e.getMessage().contains("dcgan28-bn")
        && e.getMessage().contains("batch norm"), e.getMessage());
    // The same critic without batch norm is fine, and so is batch norm for an objective without a penalty.
    assertEquals(2, spec("wgan-gp", new Dcgan28()).networkLayers().size());
    assertEquals(2, spec("wgan", new Dcgan28Bn()).networkLayers().size());
    assertEquals(2, spec("gan", new Dcgan28Bn()).networkLayers().size());
  }

  @Test
  void trainerRefusesACriticWithBatchNorm() {
    assertThrows(IllegalArgumentException.class, () -> new Trainer(spec("wgan-gp", new Dcgan28Bn()),
        new ShuffledBatches(new Dataset("blank", new int[] {28, 28, 1}, new float[64 * 784], null), 64, 1), 1));
  }
  private static Map<String, Float> firstIteration(Objective objective) {
    ModelSpec spec = new ModelSpec(objective, new Mlp(8, 1), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), 16, 5);
    try (Trainer trainer = new Trainer(spec, ToyDistribution.EIGHT_GAUSSIANS.batches(16, 5), 1)) {
      return trainer.iterate();
    }
  }

  private static Objective withPenalty(float weight) {
    return Objectives.named("bgan", new ObjectiveOptions(null, null, false, weight, null));
  }

  @Test
  void penaltyWeightAddsTheWeightedPenaltyToTheDiscriminatorLoss() {
    Map<String, Float> plain = firstIteration(Objectives.named("bgan"));
    assertFalse(plain.containsKey("discriminator/gradient_penalty"), "no penalty by default: " + plain);
    assertEquals(plain, firstIteration(withPenalty(0f)), "weight 0 is the default");
    Map<String, Float> penalised = firstIteration(withPenalty(2.5f));
    float penalty = penalised.get("discriminator/gradient_penalty");
    assertTrue(penalty > 0, "an untrained MLP has a non-zero input gradient: " + penalty);
    // Same seed, so the same initial weights, batch and z: the losses differ by exactly 2.5 * penalty.
    assertEquals(plain.get("discriminator/loss") + 2.5f * penalty, penalised.get("discriminator/loss"), 1e-5);
    assertEquals(plain.get("discriminator/d_real"), penalised.get("discriminator/d_real"));
  }

}
