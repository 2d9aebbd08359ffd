package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --step N} reads a run's checkpoint of step N: sampling step 5 of a 10-step run gives the
 * bytes the newest checkpoint of a run stopped at step 5 gives (training is bit-reproducible on one
 * thread), which differ from the newest of the 10-step run.
 */
class CheckpointStepCliTest {
  private static final String[] TRAIN = {"train", "--objective", "gan", "--dataset", "toy8", "--width", "8",
      "--threads", "1", "--seed", "3", "--checkpoint-every", "5", "--quiet"};

  @Test
  void aStepsCheckpointIsTheRunStoppedThere(@TempDir Path dir) throws Exception {
    Path ten = CliRunner.trainInto(dir.resolve("ten"), TRAIN, "--steps", "10");
    Path five = CliRunner.trainInto(dir.resolve("five"), TRAIN, "--steps", "5");

    Path fromStep = dir.resolve("ten-step-5.npy");
    CliRunner.Outcome sampled = CliRunner.run("sample", "--checkpoint", ten.toString(), "--step", "5", "--n", "32",
        "--out", fromStep.toString());
    assertEquals(0, sampled.exitCode(), sampled.err());
    byte[] stopped = CliRunner.samples(five, 32, 0);
    assertArrayEquals(stopped, Files.readAllBytes(fromStep));
    assertFalse(Arrays.equals(stopped, CliRunner.samples(ten, 32, 0)), "the newest checkpoint is step 10's");

    CliRunner.Outcome eval = CliRunner.run("eval", "--checkpoint", ten.toString(), "--step", "5", "--metrics", "toy",
        "--n", "500");
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(eval.out().contains(ten + " step 5"), eval.out());
  }

  @Test
  void aMissingStepOrAStepWithoutACheckpointIsRefused(@TempDir Path dir) {
    Path ten = CliRunner.trainInto(dir.resolve("ten"), TRAIN, "--steps", "10");
    CliRunner.Outcome missing = CliRunner.run("sample", "--checkpoint", ten.toString(), "--step", "7",
        "--out", dir.resolve("x.npy").toString());
    assertEquals(2, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains(ten.resolve("checkpoints") + " holds no complete checkpoint of step 7 (steps 5, 10)"),
        missing.err());

    CliRunner.Outcome npy = CliRunner.run("eval", "--npy", dir.resolve("x.npy").toString(), "--dataset", "toy8",
        "--step", "5");
    assertEquals(2, npy.exitCode(), npy.err());
    assertTrue(npy.err().contains("--step 5 needs --checkpoint RUN"), npy.err());
  }
}
