package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jgan.losses.ObjectiveOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config.json is a run's identity on resume: the same settings must write the same bytes as the
 * files kept here, which the code of before the RunConfig builder wrote (every field set in one
 * of them), and those files must read back into the same configuration.
 */
class RunConfigJsonTest {
  @TempDir
  Path dir;

  /** A GAN on an image folder with every setting that objective and dataset take given. */
  static RunConfig everyContinuousSetting() {
    return TrainingSettings.of("gan", "folder").model("mlp").generatorModel("dcgan28").steps(7).seed(3).threads(2)
        .batchSize(16).zDim(4).width(8).depth(2).generatorWidth(9).generatorDepth(3).discriminatorWidth(10)
        .discriminatorDepth(1).discriminatorDropout(0.5f)
        .objectiveOptions(new ObjectiveOptions(2, 3e-4f, false, null, null, null, null, null, null, null, 0.5f, true))
        .lrDecay("exponential").lrDecayFactor(1.00004).minLr(1e-6f).prior("uniform").pixelRange("unit")
        .optimizer("momentum").generatorOptimizer("adam").momentum(0.5f).finalMomentum(0.7f).momentumRamp("250")
        .outputBias("mean").imageSize(32).channels(3).ema(0.99f).spectralNorm(true).jganVersion("0.0-test").resolve();
  }

  /** Discrete BGAN with its divergence and samples per z. */
  static RunConfig discreteSettings() {
    return TrainingSettings.of("bgan-discrete", "binary-mnist").divergence("kl").samplesPerZ(4).seed(5)
        .threads(2).jganVersion("0.0-test").resolve();
  }

  /**
   * EBGAN with its margin and pulling-away weight given, and a generator architecture that is the
   * critic's own (written as null: one architecture for both).
   */
  static RunConfig ebganSettings() {
    return TrainingSettings.of("ebgan", "toy8").generatorModel("mlp")
        .objectiveOptions(new ObjectiveOptions(null, null, true, null, null, 7f, 0.2f, null)).threads(2).jganVersion("0.0-test")
        .resolve();
  }

  /** WGAN with its clipping bound given. */
  static RunConfig wganSettings() {
    return TrainingSettings.of("wgan", "toy8").objectiveOptions(new ObjectiveOptions(null, null, false, null, 0.02f))
        .threads(2).jganVersion("0.0-test").resolve();
  }

  /** alpha-GAN with its reconstruction weight given. */
  static RunConfig alphaGanSettings() {
    return TrainingSettings.of("alpha-gan", "mnist")
        .objectiveOptions(new ObjectiveOptions(null, null, false, null, null, null, null, 3f)).threads(2).jganVersion("0.0-test")
        .resolve();
  }

  /** WGAN-GP with its penalty weight given. */
  static RunConfig wganGpSettings() {
    return TrainingSettings.of("wgan-gp", "toy8").objectiveOptions(new ObjectiveOptions(5, null, false, 1f, null))
        .threads(2).jganVersion("0.0-test").resolve();
  }

  /**
   * Each configuration above by the file the code of before wrote for it (on a 2-processor machine:
   * each sets its thread count, 2, so that the bytes do not depend on the machine or on the default).
   */
  private static Map<String, RunConfig> configurations() {
    return Map.of("config-every-continuous-setting.json", everyContinuousSetting(),
        "config-discrete.json", discreteSettings(), "config-ebgan.json", ebganSettings(),
        "config-wgan.json", wganSettings(), "config-alpha-gan.json", alphaGanSettings(),
        "config-wgan-gp.json", wganGpSettings());
  }

  @Test
  void theSameSettingsWriteTheSameBytesAsBefore() throws IOException {
    for (Map.Entry<String, RunConfig> entry : configurations().entrySet()) {
      assertWritesAsBefore(entry.getValue(), entry.getKey());
    }
  }

  @Test
  void filesWrittenBeforeReadBackIntoTheSameConfiguration() throws IOException {
    for (Map.Entry<String, RunConfig> entry : configurations().entrySet()) {
      assertEquals(entry.getValue(), RunConfig.read(saved(entry.getKey())), entry.getKey());
    }
  }

  private void assertWritesAsBefore(RunConfig config, String resource) throws IOException {
    Path written = dir.resolve("written-" + resource);
    config.write(written);
    assertEquals(Files.readString(saved(resource), StandardCharsets.UTF_8),
        Files.readString(written, StandardCharsets.UTF_8), resource);
  }

  private Path saved(String resource) throws IOException {
    Path file = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, file);
    }
    return file;
  }
}
