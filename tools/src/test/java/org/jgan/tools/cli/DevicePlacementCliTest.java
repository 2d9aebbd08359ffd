package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan train --device}: the CPU path trains; a GPU asked for on a machine without one is refused up front. */
class DevicePlacementCliTest {
  @TempDir
  Path dir;

  @Test
  void gpuWithoutOneIsOneLineExitTwoAndWritesNothing() {
    assumeFalse(Boolean.getBoolean("jgan.gpu.build"), "the CUDA build (mvn -Pgpu) may well see a GPU");
    Path run = dir.resolve("run");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--steps", "2", "--width", "8",
        "--device", "gpu", "--out", run.toString(), "--quiet");
    outcome.assertOneLineError("--device gpu", "no GPU");
    assertFalse(Files.exists(run), "nothing is written before the device is known to exist");
  }

  @Test
  void unknownDeviceNamesTheFlag() {
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--device", "tpu",
        "--out", dir.resolve("run").toString());
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("--device") && outcome.err().contains("tpu"), outcome.err());
  }

  @Test
  void cpuWithPlacementLoggedTrainsAndRecordsTheToyThreadCount() throws Exception {
    Path run = dir.resolve("run");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--steps", "2", "--width", "8",
        "--device", "cpu", "--log-placement", "--out", run.toString(), "--quiet", "--no-tensorboard");
    assertEquals(0, outcome.exitCode(), outcome.err());
    int threads = JsonParser.parseString(Files.readString(run.resolve("config.json"))).getAsJsonObject()
        .get("threads").getAsInt();
    assertEquals(1, threads, "without --threads, one on the toy sets (TrainingDefaults.TOY_THREADS)");
  }
}
