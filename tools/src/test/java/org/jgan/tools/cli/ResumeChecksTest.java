package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan train --resume} refuses a folder it cannot continue faithfully, in one line, exit 2. */
class ResumeChecksTest {
  private static final String[] RUN = {"train", "--objective", "gan", "--width", "8", "--log-every", "1",
      "--checkpoint-every", "10", "--quiet", "--no-tensorboard"};

  @TempDir
  Path dir;

  @Test
  void refusesToResumeWithoutTheSavedConfiguration() throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, CliRunner.run(with("--steps", "10", "--out", run.toString())).exitCode());
    Files.delete(run.resolve("config.json"));
    CliRunner.Outcome outcome = CliRunner.run(with("--steps", "20", "--seed", "7", "--lr", "0.5", "--out", run.toString(),
        "--resume"));
    outcome.assertOneLineError(run.resolve("config.json").toString());
    assertFalse(Files.exists(run.resolve("config.json")), "no configuration is made up");
    assertEquals(10, Files.readAllLines(run.resolve("log.jsonl")).size());
  }

  @Test
  void refusesToResumeOverACorruptLogLine() throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, CliRunner.run(with("--steps", "10", "--out", run.toString())).exitCode());
    Path log = run.resolve("log.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    lines.set(4, lines.get(4).substring(0, 12));
    Files.write(log, lines);
    CliRunner.run(with("--steps", "20", "--out", run.toString(), "--resume")).assertOneLineError(log.toString(),
        "line 5");
    assertEquals(lines, Files.readAllLines(log));
  }

  @Test
  void resumesWithTheRunsOwnThreadCountWhenNoneIsGiven() throws Exception {
    Path run = dir.resolve("run");
    // A small toy model defaults to one thread: started on two, as on a machine that chose two.
    assertEquals(0, CliRunner.run(with("--steps", "10", "--threads", "2", "--out", run.toString())).exitCode());
    CliRunner.Outcome resumed = CliRunner.run(with("--steps", "20", "--out", run.toString(), "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertEquals(20, Files.readAllLines(run.resolve("log.jsonl")).size());
    assertTrue(Files.readString(run.resolve("config.json")).contains("\"threads\": 2"));
    // A count given on the command line still has to match the run's.
    CliRunner.run(with("--steps", "30", "--threads", "1", "--out", run.toString(), "--resume"))
        .assertOneLineError("'threads' was 2");
  }

  @Test
  void refusesConcurrentRunsBelowOne() throws Exception {
    CliRunner.run(with("--steps", "10", "--concurrent-runs", "0", "--out", dir.resolve("run").toString()))
        .assertOneLineError("--concurrent-runs must be at least 1");
  }

  private static String[] with(String... extra) {
    return CliRunner.args(RUN, extra);
  }
}
