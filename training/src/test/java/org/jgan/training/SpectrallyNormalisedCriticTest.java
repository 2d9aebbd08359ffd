package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.Network;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.SpectralNorm;
import org.jgan.graphs.models.GanPaperMlp;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objectives;
import org.jgan.losses.Role;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Spectral normalisation as a model option: only the critic's layers, and WGAN-GP's second-order gradients through it. */
class SpectrallyNormalisedCriticTest {
  private static ModelSpec spec(String objective) {
    return new ModelSpec(Objectives.named(objective), new Mlp(8, 2), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), 16, 4).withSpectralNorm(true);
  }

  @Test
  void onlyTheCriticsWeightLayersAreNormalised() {
    Map<Role, List<org.jgan.graphs.Layer>> layers = spec("wgan-gp").networkLayers();
    assertTrue(layers.get(Role.DISCRIMINATOR).stream().filter(l -> l instanceof Dense).allMatch(l -> ((Dense) l).spectralNorm()));
    assertTrue(layers.get(Role.GENERATOR).stream().filter(l -> l instanceof Dense).noneMatch(l -> ((Dense) l).spectralNorm()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> spec("gan").withArchitecture(new GanPaperMlp()).networkLayers());
    assertTrue(e.getMessage().contains("maxout"), e.getMessage());
  }

  @Test
  void wganGpTrainsACriticWithSpectralNormThroughItsSecondOrderGradients() {
    try (Trainer trainer = new Trainer(spec("wgan-gp"), ToyDistribution.EIGHT_GAUSSIANS.batches(16, 4), 1)) {
      Network critic = trainer.model().networks().discriminator();
      List<Variable<TFloat32>> us = critic.variables().stream()
          .filter(v -> v.op().name().endsWith("/" + SpectralNorm.U_VARIABLE)).toList();
      assertEquals(3, us.size(), "one u per dense layer of the critic");
      float[] before = values(trainer, us.get(0));
      float[] kernelBefore = values(trainer, critic.trainableVariables().get(0));
      for (int i = 0; i < 3; i++) {
        Map<String, Float> metrics = trainer.iterate();
        assertTrue(metrics.get("critic/gradient_penalty") > 0, "the penalty is live: " + metrics);
      }
      assertFalse(java.util.Arrays.equals(before, values(trainer, us.get(0))), "training steps move u");
      assertFalse(java.util.Arrays.equals(kernelBefore, values(trainer, critic.trainableVariables().get(0))),
          "the critic trains");
    }
  }

  private static float[] values(Trainer trainer, Variable<TFloat32> v) {
    try (Result r = trainer.session().runner().fetch(v).run()) {
      return Tensors.toFloats(r.get(0));
    }
  }
}
