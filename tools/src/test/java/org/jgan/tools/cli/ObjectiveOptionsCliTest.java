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
    assertRefused(objective, "toy8", flag, value, flag);
  }

  /** Refused with one line naming {@code named} (the flag, with its value where only that value is refused). */
  private void assertRefused(String objective, String dataset, String flag, String value, String named) {
    Path out = dir.resolve(objective + flag);
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", objective, "--dataset", dataset, "--steps", "5",
        flag, value, "--out", out.toString());
    outcome.assertOneLineError(named + ": objective '" + objective + "' does not take it");
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
  void theRefusalSaysWhichObjectivesTakeTheFlag() {
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--gp-weight", "5", "--steps", "5",
        "--out", dir.resolve("gp").toString());
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("--gp-weight: objective 'gan' does not take it (gradient-penalty weight;"
        + " taken by wgan-gp, bgan, bgan-discrete, bgan-reinforce); its options: "), outcome.err());
  }

  @Test
  void everyObjectiveSpecificFlagIsRefusedByTheSameRegistryCheck() {
    assertRefused("lsgan", "toy8", "--optimizer", "momentum", "--optimizer momentum");
    assertRefused("hinge", "toy8", "--schedule", "simultaneous", "--schedule simultaneous");
    assertRefused("wgan-gp", "toy8", "--d-loss-weight", "0.5", "--d-loss-weight");
    assertRefused("gan-ns", "mnist", "--divergence", "kl", "--divergence");
    assertRefused("wgan-gp", "binary-mnist", "--samples-per-z", "4", "--samples-per-z");
    assertRefused("bgan-discrete", "binary-mnist", "--clip", "0.1", "--clip");
  }

  @Test
  void anOptionTheObjectiveReadsIsAccepted() {
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "hinge", "--dataset", "toy8", "--steps", "3",
        "--critic-steps", "2", "--out", dir.resolve("hinge").toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
  }
}
