package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --g-optimizer}: only for GAN, only adam or momentum, and it lets the momentum flags in. */
class GeneratorOptimizerFlagTest {
  @TempDir
  Path dir;

  private CliRunner.Outcome train(String objective, String... flags) {
    return CliRunner.run(CliRunner.args(List.of("train", "--objective", objective, "--steps", "1", "--quiet", "--out",
        dir.resolve("run").toString()), flags));
  }

  @Test
  void badUsesAreRefusedNamingTheFlag() {
    train("ebgan", "--g-optimizer", "adam")
        .assertOneLineError("--g-optimizer is for --objective gan or gan-ns, not ebgan");
    train("gan", "--g-optimizer", "sgd").assertOneLineError("--g-optimizer must be adam or momentum, got 'sgd'");
    train("gan", "--g-optimizer", "adam", "--momentum", "0").assertOneLineError(
        "--momentum, --final-momentum and --momentum-ramp need --optimizer momentum or --g-optimizer momentum");
  }

  @Test
  void anSgdGeneratorTakesTheMomentumFlags() {
    CliRunner.Outcome outcome = train("gan", "--g-optimizer", "momentum", "--momentum", "0", "--lr", "0.01",
        "--no-tensorboard");
    assertEquals(0, outcome.exitCode(), outcome.err());
  }
}
