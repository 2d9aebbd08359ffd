package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.experiment.JganProcess;

/**
 * A sweep's cells die with it. Stopped with SIGTERM, the sweep stops its training child, which
 * saves where it is; killed with SIGKILL, its child notices the parent is gone and stops the same
 * way, instead of living on to race the resumed sweep.
 */
class OrphanCellTest {
  @TempDir
  Path dir;

  private Path cell;

  @Test
  void killingTheSweepEndsItsTrainingChild() throws Exception {
    Process sweep = startSweepAndWaitForTraining();
    List<ProcessHandle> children = List.of();
    try {
      children = sweep.descendants().toList();
      assertFalse(children.isEmpty(), "the cell trains in its own process");
      sweep.destroyForcibly().waitFor(); // SIGKILL: the sweep's shutdown hooks do not run
      awaitEnd(children, "its sweep was killed");
      assertTrue(Files.exists(cell.resolve("run/checkpoints/latest")), "the child saved where it stopped");
    } finally {
      sweep.destroyForcibly().waitFor();
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * Stopped with SIGTERM while its first cell trains, a two-cell sweep stops that child gracefully,
   * ends promptly and starts no other cell. A sweep on a loaded machine once started its next cells
   * during shutdown, which then ran until the shutdown's 120-second wait gave up on them; that race is
   * seldom lost here, so ChildProcessesTest pins the refusal itself.
   */
  @Test
  void stoppingTheSweepStopsItsTrainingChildGracefullyAndStartsNoOther() throws Exception {
    Process sweep = startSweepAndWaitForTraining("[1, 2]");
    List<ProcessHandle> children = List.of();
    try {
      children = sweep.descendants().toList();
      assertFalse(children.isEmpty(), "the cell trains in its own process");
      sweep.destroy(); // SIGTERM
      assertTrue(sweep.waitFor(60, TimeUnit.SECONDS), "the sweep did not end within 60 s of SIGTERM: "
          + Files.readString(dir.resolve("sweep.log")));
      assertEquals(143, sweep.exitValue());
      awaitEnd(children, "its sweep ended");
      List<String> trainLog = Files.readAllLines(cell.resolve("train.log"));
      assertTrue(trainLog.get(trainLog.size() - 1).startsWith("jgan train: stopped at step "), String.join("\n", trainLog));
      assertTrue(Files.exists(cell.resolve("run/checkpoints/latest")), "the child saved where it stopped");
      String sweepLog = Files.readString(dir.resolve("sweep.log"));
      assertFalse(sweepLog.contains("failed:"), "a cell stopped with its sweep is not a failure: " + sweepLog);
      Path second = dir.resolve("sweep").resolve("objective-gan_seed-2");
      assertFalse(Files.exists(second.resolve("run")), "the second cell started after SIGTERM: "
          + Files.readString(dir.resolve("sweep.log")));
    } finally {
      sweep.destroyForcibly().waitFor();
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private Process startSweepAndWaitForTraining() throws Exception {
    return startSweepAndWaitForTraining("[1]");
  }

  /** Starts a sweep (jobs 1) of one cell per seed, each far too long to finish; returns once the first trains. */
  private Process startSweepAndWaitForTraining(String seeds) throws Exception {
    Path file = dir.resolve("long.yaml");
    Files.writeString(file, """
        name: long
        grid:
          objective: [gan]
        seeds: %s
        train: {steps: 1000000, width: 8, checkpoint-every: 1000000, log-every: 1}
        eval: {metrics: [toy], n: 100}
        """.formatted(seeds));
    Path out = dir.resolve("sweep");
    cell = out.resolve("objective-gan_seed-1");
    Path log = cell.resolve("run/log.jsonl");
    Process sweep = new ProcessBuilder(JganProcess.command(List.of("experiment", "run", file.toString(), "--out",
        out.toString()))).redirectErrorStream(true).redirectOutput(dir.resolve("sweep.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!(Files.exists(log) && Files.size(log) > 0)) {
      if (!sweep.isAlive() || System.nanoTime() > deadline) {
        sweep.destroyForcibly().waitFor();
        throw new AssertionError("the cell did not start training within 120 s: " + Files.readString(dir.resolve("sweep.log")));
      }
      Thread.sleep(20);
    }
    return sweep;
  }

  private static void awaitEnd(List<ProcessHandle> children, String after) throws Exception {
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(60, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("training child " + child.pid() + " still runs 60 s after " + after);
      }
    }
  }
}
