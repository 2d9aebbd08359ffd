package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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
 * Discrete BGAN's optional real-data gradient penalty ({@code --gp-weight}): with one seed, the
 * first discriminator step's loss with gamma is the loss without it plus gamma times the logged
 * penalty, for binary data and for multinomial data (whose discriminator reads categories by index,
 * so the penalty takes a dense pass of its own); with gamma 0 no penalty is built.
 */
class DiscreteBganPenaltyTest {
  private static final float GAMMA = 2.5f;

  @ParameterizedTest
  @CsvSource({"bgan-discrete, BINARY", "bgan-reinforce, BINARY", "bgan-discrete, MULTINOMIAL"})
  void thePenaltyAddsGammaTimesItselfToTheDiscriminatorLoss(String name, DiscreteBgan.Kind kind) throws Exception {
    Map<String, Float> plain = firstStep(name, kind, null);
    Map<String, Float> penalised = firstStep(name, kind, GAMMA);
    assertFalse(plain.containsKey("discriminator/gradient_penalty"), plain.toString());
    float penalty = penalised.get("discriminator/gradient_penalty");
    assertTrue(penalty > 0, "a freshly initialised MLP's logit depends on its input: " + penalty);
    float expected = plain.get("discriminator/loss") + GAMMA * penalty;
    assertEquals(expected, penalised.get("discriminator/loss"), 1e-5 * Math.max(1, Math.abs(expected)), penalised.toString());
  }

  private static Map<String, Float> firstStep(String name, DiscreteBgan.Kind kind, Float gamma) throws Exception {
    ObjectiveOptions options = new ObjectiveOptions(null, 1e-3f, false, gamma, null);
    int[] shape = kind == DiscreteBgan.Kind.BINARY ? new int[] {BitTemplate.BITS} : new int[] {3, 4};
    Dataset data = kind == DiscreteBgan.Kind.BINARY ? BitTemplate.data() : oneHot(shape);
    ModelSpec spec = new ModelSpec(Objectives.discrete(name, options, kind, FDivergence.GAN, 5),
        new Mlp(16, 2), shape, Activation.identity(), NoisePrior.normal(4), 32, 7);
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(data, 32, 7), 1)) {
      return trainer.iterate();
    }
  }

  /** 256 examples of 3 positions, each one-hot over 4 categories (category = (example + position) mod 4). */
  private static Dataset oneHot(int[] shape) {
    float[] values = new float[256 * shape[0] * shape[1]];
    for (int e = 0; e < 256; e++) {
      for (int p = 0; p < shape[0]; p++) {
        values[(e * shape[0] + p) * shape[1] + (e + p) % shape[1]] = 1f;
      }
    }
    return new Dataset("categories", shape, values, null);
  }
}
