package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.graphs.models.Mlp;
import org.jgan.losses.ObjectiveOptions;
import org.junit.jupiter.api.Test;

/** The library resolves a run's settings as jgan train does, toy settings included. */
class TrainingSettingsTest {
  @Test
  void wganGpOnToy8GetsTheReferenceToyScriptsSettingsNotTheImagePapers() {
    RunConfig config = TrainingSettings.of("wgan-gp", "toy8").resolve();
    assertEquals(TrainingSettings.STEPS, config.steps());
    assertEquals(TrainingSettings.SEED, config.seed());
    assertEquals(256, config.batchSize());
    assertEquals(2, config.zDim());
    assertEquals(128, config.width());
    assertEquals(1e-3f, config.learningRate());
    assertEquals("linear", config.lrDecay());
    assertEquals(0.1f, config.gpWeight());
    assertEquals("normal", config.prior());
    ModelSpec spec = RunModel.spec(config);
    assertEquals("wgan-gp", spec.objective().name());
    assertTrue(spec.architecture() instanceof Mlp);
    assertEquals(256, spec.batchSize());
  }

  @Test
  void givenSettingsWinOverDefaults() {
    RunConfig config = TrainingSettings.of("wgan-gp", "toy8").batchSize(64)
        .objectiveOptions(new ObjectiveOptions(null, null, false, 1f, null)).lrDecay("none").seed(7).resolve();
    assertEquals(64, config.batchSize());
    assertEquals(1f, config.gpWeight());
    assertEquals(1e-3f, config.learningRate(), "an option not set keeps the toy default");
    assertEquals("none", config.lrDecay());
    assertEquals(7, config.seed());
  }

  @Test
  void theGanPapersNetworkOnMnistGetsItsBatchNoiseAndPixels() {
    RunConfig config = TrainingSettings.of("gan", "mnist").model("gan-mlp").optimizer("momentum")
        .lrDecay("exponential").resolve();
    assertEquals(100, config.batchSize());
    assertEquals("uniform", config.prior());
    assertEquals("unit", config.pixelRange());
    assertEquals(TrainingSettings.MOMENTUM, config.momentum());
    assertEquals(config.momentum(), config.finalMomentum(), "constant momentum unless a final one is given");
    assertEquals(TrainingSettings.MOMENTUM_RAMP, config.momentumRamp());
    assertEquals(TrainingSettings.EXPONENTIAL_DECAY.factor(), config.lrDecayFactor());
    assertNull(config.learningRate(), "the objective's paper value");
    assertNull(config.divergence(), "continuous data: no divergence");
  }

  @Test
  void objectiveOptionsCarryEveryHyperParameterIntoTheConfigurationAndBack() {
    ObjectiveOptions options = new ObjectiveOptions(2, 3e-4f, true, 0.5f, 0.02f, 7f, 0.2f, 3f, null, null, 0.5f, true);
    RunConfig config = TrainingSettings.of("gan", "toy8").objectiveOptions(options).resolve();
    assertEquals("linear", config.lrDecay());
    assertEquals("simultaneous", config.schedule());
    assertEquals(options, RunModel.objectiveOptions(config), "config.json records the options exactly");
  }

  @Test
  void anUnknownObjectiveIsRefusedListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingSettings.of("lsgan2", "toy8").resolve());
    assertTrue(e.getMessage().contains("'lsgan2'") && e.getMessage().contains("wgan-gp"), e.getMessage());
  }

  @Test
  void theTrainingDataSeedStaysWhatRunsWereTrainedWith() {
    // A resumed run must see the same batches: the derivation is fixed (value of Seeds.derive(1, "data")).
    assertEquals(org.jgan.data.Seeds.derive(1, "data"), DataSeeds.training(1));
    assertTrue(DataSeeds.training(1) != DataSeeds.plot(1), "separate streams");
  }
}
