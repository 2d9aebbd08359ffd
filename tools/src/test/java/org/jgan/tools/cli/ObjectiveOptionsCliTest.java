package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan train} refuses an option the objective does not read, naming the flag, before writing anything. */
class ObjectiveOptionsCliTest {
  @TempDir
  Path dir;

  private void assertRefused(String objective, String flag, String value) {
    Path out = dir.resolve(objective + flag);
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", objective, "--dataset", "toy8", "--steps", "5",
        flag, value, "--out", out.toString());
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals(1, outcome.errorLines().size(), "one line, got: " + outcome.err());
    assertTrue(outcome.err().contains(flag + ": objective '" + objective + "' does not take it"), outcome.err());
    assertFalse(Files.exists(out.resolve("config.json")), "nothing written");
  }

  @Test
  void optionsOnceSilentlyIgnoredAreRefused() {
    assertRefused("gan", "--clip", "0.05");
    assertRefused("wgan", "--gp-weight", "5");
    assertRefused("wgan-gp", "--margin", "3");
    assertRefused("lsgan", "--pt-weight", "0.5");
    assertRefused("ebgan", "--critic-steps", "2");
  }

  @Test
  void anOptionTheObjectiveReadsIsAccepted() {
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "hinge", "--dataset", "toy8", "--steps", "3",
        "--critic-steps", "2", "--out", dir.resolve("hinge").toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
  }
}
