package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.evaluation.Npy;

/** {@code jgan train} with a learning rate that makes the losses NaN, or a non-finite float flag. */
class DivergedTrainingCliTest {
  @TempDir
  Path dir;

  @Test
  void aDivergingRunStopsWithOneLineAndKeepsTheLastFiniteCheckpoint() throws Exception {
    Path run = dir.resolve("run");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--lr", "1e5", "--steps", "50",
        "--checkpoint-every", "1", "--width", "8", "--no-tensorboard", "--quiet", "--out", run.toString());
    assertEquals(1, outcome.exitCode(), outcome.err());
    assertEquals(1, outcome.errorLines().size(), outcome.err());
    String line = outcome.errorLines().get(0);
    assertTrue(line.startsWith("jgan train: failed: training diverged at step "), line);
    long step = Long.parseLong(line.replaceFirst(".*diverged at step (\\d+):.*", "$1"));
    String latest = Files.readString(run.resolve("checkpoints").resolve("latest")).trim();
    assertTrue(line.contains(latest + ", stays the latest"), line);
    assertTrue(Long.parseLong(latest.substring("step-".length())) < step, latest + " vs step " + step);
    assertFalse(Files.exists(run.resolve("samples.png")), "no picture of a diverged generator");
    String record = Files.readString(run.resolve("diverged.json"));
    assertTrue(record.contains("\"step\": " + step + ",") && record.contains(line.substring("jgan train: failed: ".length())),
        "the run folder records where it diverged, for a sweep to read: " + record);

    // The latest checkpoint is finite: sampling it gives finite points.
    Path npy = dir.resolve("s.npy");
    assertEquals(0, CliRunner.run("sample", "--checkpoint", run.toString(), "--n", "50", "--out", npy.toString())
        .exitCode());
    for (float v : Npy.read(npy).values()) {
      assertTrue(Float.isFinite(v), "sampled " + v);
    }
  }

  @Test
  void nonFiniteFloatFlagsAreRefusedNamingTheFlag() {
    String[][] cases = {{"--lr", "Infinity"}, {"--lr", "NaN"}, {"--lr", "-1"}, {"--gp-weight", "Infinity"},
        {"--clip", "NaN"}, {"--margin", "Infinity"}, {"--pt-weight", "NaN"}, {"--recon-weight", "1e39"}};
    for (String[] flag : cases) {
      CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", flag[0], flag[1], "--steps", "1",
          "--out", dir.resolve("run").toString());
      assertEquals(2, outcome.exitCode(), String.join(" ", flag) + ": " + outcome.err());
      assertEquals(1, outcome.errorLines().size(), outcome.err());
      assertTrue(outcome.err().contains(flag[0] + " must be a finite number"), outcome.err());
    }
    assertFalse(Files.exists(dir.resolve("run")), "nothing is written for a refused flag");
    CliRunner.Outcome classifier = CliRunner.run("classifier", "train", "--lr", "Infinity", "--out",
        dir.resolve("classifier").toString());
    assertEquals(2, classifier.exitCode(), classifier.err());
    assertTrue(classifier.err().contains("--lr"), classifier.err());
  }
}
