package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.graphs.models.Mlp;
import java.util.Map;
import java.util.OptionalLong;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.OptionNotTakenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void smallToyModelsTrainOnOneThreadImagesOnEveryProcessor() {
    int processors = Runtime.getRuntime().availableProcessors();
    assertEquals(1, TrainingSettings.of("wgan-gp", "toy8").resolve().threads());
    assertEquals(1, TrainingSettings.of("gan", "toy25").resolve().threads());
    assertEquals(processors, TrainingSettings.of("wgan-gp", "mnist").model("dcgan28").resolve().threads());
    assertEquals(2, TrainingSettings.of("wgan-gp", "toy8").threads(2).resolve().threads(), "a given count wins");
    assertEquals(Math.max(1, processors / 2), TrainingDefaults.threads("mnist", 64, 512, 2), "jobs share the processors");
    assertEquals(1, TrainingDefaults.threads("toy8", 256, 128, 1));
    // batch x width x width above TrainingDefaults.SMALL_PRODUCT: this machine's L2 decides (2 MiB and 8 MiB
    // products; the rule itself is checked on fixed cache sizes below), as TrainingDefaults.threads says.
    assertEquals(TrainingDefaults.threads("toy8", 256, 512, 1),
        TrainingSettings.of("wgan-gp", "toy8").width(512).resolve().threads(), "this machine's L2 decides");
    assertEquals(1, TrainingSettings.of("wgan-gp", "toy8").width(512).batchSize(64).resolve().threads());
    assertEquals(TrainingDefaults.threads("toy8", 256, 1024, 1),
        TrainingSettings.of("gan", "toy8").discriminatorWidth(1024).resolve().threads());
  }

  @Test
  void toyModelsWhoseProductsFitTheL2CacheTrainOnOneThread() {
    int processors = Runtime.getRuntime().availableProcessors();
    // 4 x (2 x 256 x 512 + 512^2) = 2,097,152 bytes, worked by hand.
    assertEquals(2_097_152L, TrainingDefaults.hiddenProductBytes(256, 512));
    OptionalLong intelXeon = OptionalLong.of(2048L * 1024);
    OptionalLong smallL2 = OptionalLong.of(512L * 1024);
    assertEquals(1, TrainingDefaults.threads("toy8", 256, 512, 1, intelXeon), "2 MiB products, 2 MiB L2 (x 1.01)");
    assertEquals(processors, TrainingDefaults.threads("toy8", 256, 512, 1, smallL2));
    assertEquals(processors, TrainingDefaults.threads("toy8", 256, 512, 1, OptionalLong.empty()), "L2 unknown");
    assertEquals(processors, TrainingDefaults.threads("toy8", 256, 1024, 1, intelXeon), "8 MiB products");
    assertEquals(1, TrainingDefaults.threads("toy8", 256, 128, 1, smallL2), "few multiply-adds, whatever the cache");
    assertEquals(processors, TrainingDefaults.threads("mnist", 64, 128, 1, intelXeon), "image data keeps its rule");
    assertEquals(Math.max(1, processors / 2), TrainingDefaults.threads("toy8", 256, 512, 2, smallL2));
  }

  @Test
  void concurrentRunsShareTheProcessors() {
    int processors = Runtime.getRuntime().availableProcessors();
    assertEquals(Math.max(1, processors / 2),
        TrainingSettings.of("wgan-gp", "mnist").model("dcgan28").concurrentRuns(2).resolve().threads());
    assertEquals(1, TrainingSettings.of("wgan-gp", "mnist").model("dcgan28").concurrentRuns(processors * 4)
        .resolve().threads(), "at least one thread");
    assertEquals(Math.max(1, processors / 2), TrainingSettings.of("wgan-gp", "toy8").width(512).concurrentRuns(2)
        .resolve().threads(), "a large toy model shares the processors like an image model");
    assertEquals(1, TrainingSettings.of("wgan-gp", "toy8").concurrentRuns(1).resolve().threads());
    assertEquals(3, TrainingSettings.of("wgan-gp", "mnist").threads(3).concurrentRuns(2).resolve().threads(),
        "a given count wins");
    assertThrows(IllegalArgumentException.class, () -> TrainingSettings.of("gan", "toy8").concurrentRuns(0));
  }

  @Test
  void aContinuedRunKeepsTheThreadCountItStartedWith(@TempDir Path dir)
      throws Exception {
    int processors = Runtime.getRuntime().availableProcessors();
    Files.writeString(RunConfig.in(dir), "{\"objective\": \"gan\", \"threads\": 5}");
    assertEquals(5, TrainingSettings.of("wgan-gp", "mnist").continuing(dir).resolve().threads());
    assertEquals(5, TrainingSettings.of("wgan-gp", "toy8").concurrentRuns(2).continuing(dir).resolve().threads());
    assertEquals(3, TrainingSettings.of("wgan-gp", "mnist").threads(3).continuing(dir).resolve().threads(),
        "a given count wins (the resume then checks it against the run's)");
    // No readable configuration: the default, and the resume itself names the file.
    assertEquals(processors, TrainingSettings.of("wgan-gp", "mnist").continuing(dir.resolve("absent"))
        .resolve().threads());
    Files.writeString(RunConfig.in(dir), "{\"threads\": ");
    assertEquals(1, TrainingSettings.of("wgan-gp", "toy8").continuing(dir).resolve().threads());
    Files.writeString(RunConfig.in(dir), "{\"threads\": null}");
    assertEquals(1, TrainingSettings.of("wgan-gp", "toy8").continuing(dir).resolve().threads());
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
    // Each objective with every option it reads; together they set every field.
    Map<String, ObjectiveOptions> byObjective = Map.of(
        "gan", new ObjectiveOptions(2, 3e-4f, true, null, null, null, null, null, null, null, 0.5f, true),
        "wgan", new ObjectiveOptions(3, 3e-4f, true, null, 0.02f),
        "wgan-gp", new ObjectiveOptions(4, 3e-4f, true, 0.5f, null),
        "ebgan", new ObjectiveOptions(null, 3e-4f, true, null, null, 7f, 0.2f, null),
        "alpha-gan", new ObjectiveOptions(null, 3e-4f, true, null, null, null, null, 3f));
    byObjective.forEach((objective, options) -> {
      RunConfig config = TrainingSettings.of(objective, "toy8").objectiveOptions(options).resolve();
      assertEquals("linear", config.lrDecay());
      assertEquals(options, RunModel.objectiveOptions(config), objective + ": config.json records the options exactly");
    });
    assertEquals("simultaneous", TrainingSettings.of("gan", "toy8").objectiveOptions(byObjective.get("gan")).resolve()
        .schedule());
  }

  /** Options setting only the objective-specific hyper-parameters given (null: not set). */
  private static ObjectiveOptions options(Integer criticSteps, Float gpWeight, Float clip, Float margin, Float ptWeight,
      Float reconWeight) {
    return new ObjectiveOptions(criticSteps, null, false, gpWeight, clip, margin, ptWeight, reconWeight);
  }

  private static void assertRefused(String flag, String objective, TrainingSettings settings) {
    OptionNotTakenException e = assertThrows(OptionNotTakenException.class, settings::resolve, flag);
    assertTrue(e.getMessage().startsWith(flag + ": objective '" + objective + "' does not take it ("), e.getMessage());
    assertTrue(e.getMessage().contains("; taken by "), e.getMessage());
  }

  @Test
  void aSettingTheObjectiveDoesNotReadIsRefusedWhenResolvedNotWrittenIntoTheConfiguration() {
    assertRefused("--gp-weight", "gan", TrainingSettings.of("gan", "toy8").objectiveOptions(options(null, 5f, null, null,
        null, null)));
    assertRefused("--gp-weight", "lsgan", TrainingSettings.of("lsgan", "toy8").objectiveOptions(options(null, 5f, null,
        null, null, null)));
    assertRefused("--clip", "wgan-gp", TrainingSettings.of("wgan-gp", "toy8").objectiveOptions(options(null, null, 0.1f,
        null, null, null)));
    assertRefused("--margin", "gan-ns", TrainingSettings.of("gan-ns", "toy8").objectiveOptions(options(null, null, null,
        3f, null, null)));
    assertRefused("--pt-weight", "hinge", TrainingSettings.of("hinge", "toy8").objectiveOptions(options(null, null, null,
        null, 0.5f, null)));
    assertRefused("--recon-weight", "ebgan", TrainingSettings.of("ebgan", "toy8").objectiveOptions(options(null, null,
        null, null, null, 2f)));
    assertRefused("--critic-steps", "alpha-gan", TrainingSettings.of("alpha-gan", "toy8").objectiveOptions(options(3,
        null, null, null, null, null)));
    assertRefused("--optimizer momentum", "lsgan", TrainingSettings.of("lsgan", "toy8").optimizer("momentum"));
    assertRefused("--optimizer momentum", "ragan", TrainingSettings.of("ragan", "toy8").generatorOptimizer("momentum"));
    assertRefused("--schedule simultaneous", "wgan", TrainingSettings.of("wgan", "toy8").schedule("simultaneous"));
    assertRefused("--divergence", "gan-ns", TrainingSettings.of("gan-ns", "mnist").divergence("kl"));
    assertRefused("--samples-per-z", "wgan-gp", TrainingSettings.of("wgan-gp", "binary-mnist").samplesPerZ(4));
  }

  @Test
  void aSettingTheObjectiveReadsStillResolves() {
    assertEquals(5f, TrainingSettings.of("wgan-gp", "toy8").objectiveOptions(options(null, 5f, null, null, null, null))
        .resolve().gpWeight());
    assertEquals(0.5f, TrainingSettings.of("bgan", "toy8").objectiveOptions(options(null, 0.5f, null, null, null, null))
        .resolve().gpWeight());
    assertEquals(0.1f, TrainingSettings.of("wgan", "toy8").objectiveOptions(options(null, null, 0.1f, null, null, null))
        .resolve().clip());
    RunConfig ebgan = TrainingSettings.of("ebgan", "toy8").objectiveOptions(options(null, null, null, 3f, 0.5f, null))
        .resolve();
    assertEquals(3f, ebgan.margin());
    assertEquals(0.5f, ebgan.ptWeight());
    assertEquals(2f, TrainingSettings.of("alpha-gan", "toy8").objectiveOptions(options(null, null, null, null, null, 2f))
        .resolve().reconWeight());
    assertEquals(3, TrainingSettings.of("hinge", "toy8").objectiveOptions(options(3, null, null, null, null, null))
        .resolve().criticSteps());
    RunConfig gan = TrainingSettings.of("gan", "toy8").optimizer("momentum").schedule("simultaneous").resolve();
    assertEquals("simultaneous", gan.schedule());
    RunConfig bgan = TrainingSettings.of("bgan-discrete", "binary-mnist").divergence("kl").samplesPerZ(4).resolve();
    assertEquals("kl", bgan.divergence());
    assertEquals(4, bgan.samplesPerZ());
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
