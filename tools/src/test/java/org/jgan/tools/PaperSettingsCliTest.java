package org.jgan.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line keeps the papers' constraints: WGAN-GP's critic without batch norm. */
class PaperSettingsCliTest {
  @TempDir
  Path dir;

  @Test
  void wganGpRefusesABatchNormCriticBeforeWritingAnything() {
    Path out = dir.resolve("run");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "mnist", "--model",
        "dcgan28-bn", "--steps", "1", "--out", out.toString(), "--quiet");
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals(1, outcome.errorLines().size(), outcome.err());
    for (String fragment : List.of("--model dcgan28-bn", "wgan-gp", "batch norm")) {
      assertTrue(outcome.err().contains(fragment), "'" + fragment + "' missing from: " + outcome.err());
    }
    assertFalse(Files.exists(out), "nothing written for a refused run");
  }
}
