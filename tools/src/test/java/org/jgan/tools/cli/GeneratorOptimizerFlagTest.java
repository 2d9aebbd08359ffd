package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --g-optimizer}: only for GAN, only adam or momentum, and it lets the momentum flags in. */
class GeneratorOptimizerFlagTest {
  @TempDir
  Path dir;

  private CliRunner.Outcome train(String objective, String... flags) {
    String[] args = new String[flags.length + 8];
    String[] head = {"train", "--objective", objective, "--steps", "1", "--quiet", "--out", dir.resolve("run").toString()};
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(flags, 0, args, head.length, flags.length);
    return CliRunner.run(args);
  }

  private static void assertRefused(CliRunner.Outcome outcome, String message) {
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals(1, outcome.errorLines().size(), "one line, got: " + outcome.err());
    assertTrue(outcome.err().contains(message), "'" + message + "' missing from: " + outcome.err());
  }

  @Test
  void badUsesAreRefusedNamingTheFlag() {
    assertRefused(train("ebgan", "--g-optimizer", "adam"), "--g-optimizer is for --objective gan or gan-ns, not ebgan");
    assertRefused(train("gan", "--g-optimizer", "sgd"), "--g-optimizer must be adam or momentum, got 'sgd'");
    assertRefused(train("gan", "--g-optimizer", "adam", "--momentum", "0"),
        "--momentum, --final-momentum and --momentum-ramp need --optimizer momentum or --g-optimizer momentum");
  }

  @Test
  void anSgdGeneratorTakesTheMomentumFlags() {
    CliRunner.Outcome outcome = train("gan", "--g-optimizer", "momentum", "--momentum", "0", "--lr", "0.01",
        "--no-tensorboard");
    assertEquals(0, outcome.exitCode(), outcome.err());
  }
}
