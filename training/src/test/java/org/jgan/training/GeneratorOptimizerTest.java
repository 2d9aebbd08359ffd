package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Momentum;
import org.jgan.losses.Gan;
import org.jgan.losses.ObjectiveOptions;
import org.junit.jupiter.api.Test;

/** GAN's two networks on different optimisers (Adam and SGD), as the EBGAN paper's grid mixes them. */
class GeneratorOptimizerTest {
  private static Gan gan(TrainingSettings settings) {
    return (Gan) RunModel.objective(settings.resolve());
  }

  @Test
  void sgdDiscriminatorWithAdamGeneratorEachAtItsOwnDefaultRate() {
    Gan gan = gan(TrainingSettings.of("gan-ns", "mnist").optimizer("momentum").momentum(0f).generatorOptimizer("adam"));
    assertTrue(gan.discriminatorOptimizer() instanceof Momentum, gan.discriminatorOptimizer().toString());
    assertTrue(gan.generatorOptimizer() instanceof Adam, gan.generatorOptimizer().toString());
    assertEquals(Gan.SGD_LEARNING_RATE, gan.discriminatorOptimizer().learningRate());
    assertEquals(Gan.LEARNING_RATE, gan.generatorOptimizer().learningRate());
    assertEquals(0.0, ((Momentum) gan.discriminatorOptimizer()).ramp().at(0));
  }

  @Test
  void adamDiscriminatorWithSgdGeneratorAtOneGivenRate() {
    TrainingSettings settings = TrainingSettings.of("gan", "mnist").generatorOptimizer("momentum").momentum(0f)
        .objectiveOptions(new ObjectiveOptions(null, 1e-3f, false, null, null));
    assertEquals(0f, settings.resolve().momentum(), "the momentum settings apply to the network on SGD");
    Gan gan = gan(settings);
    assertTrue(gan.discriminatorOptimizer() instanceof Adam, gan.discriminatorOptimizer().toString());
    assertTrue(gan.generatorOptimizer() instanceof Momentum, gan.generatorOptimizer().toString());
    assertEquals(1e-3f, gan.discriminatorOptimizer().learningRate());
    assertEquals(1e-3f, gan.generatorOptimizer().learningRate());
  }

  @Test
  void withoutItBothNetworksShareTheOptimiserAsBefore() {
    RunConfig config = TrainingSettings.of("gan-ns", "mnist").optimizer("momentum").resolve();
    assertNull(config.generatorOptimizer(), "not given: null, as in runs saved before it existed");
    Gan gan = (Gan) RunModel.objective(config);
    assertTrue(gan.discriminatorOptimizer() instanceof Momentum && gan.generatorOptimizer() instanceof Momentum);
    Gan adam = gan(TrainingSettings.of("gan-ns", "mnist").generatorOptimizer("adam"));
    assertTrue(adam.discriminatorOptimizer() instanceof Adam && adam.generatorOptimizer() instanceof Adam,
        "the same optimiser named twice is not a mix");
  }
}
