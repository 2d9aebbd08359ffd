package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.FolderLock;
import org.jgan.tools.cli.CliRunner;
import org.jgan.tools.run.JsonLinesLog;
import org.jgan.tools.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan experiment status} reads each cell's state from its folder: complete, diverged, trained
 * but not evaluated, stopped part-way, running (with a speed worked out by hand from file times),
 * settings changed, not started, and a cell of an extra seed.
 */
class ExperimentStatusTest {
  private static final String FILE = String.join("\n",
      "name: status-test",
      "grid:",
      "  dataset: [toy8]",
      "seeds: [1, 2, 3, 4, 5, 6, 7]",
      "train: {objective: gan-ns, model: mlp, width: 16, depth: 1, batch: 16, steps: 40, checkpoint-every: 20,",
      "        log-every: 10, threads: 1}",
      "eval: {metrics: [toy], n: 100}",
      "");

  @TempDir
  Path tmp;

  @Test
  void eachCellsStateStepsAndSpeedComeFromItsFiles() throws Exception {
    Path source = Files.writeString(tmp.resolve("status-test.yaml"), FILE);
    Path out = Files.createDirectories(tmp.resolve("sweep"));
    Files.copy(source, out.resolve(ExperimentStatus.copyName(source, false)));
    Map<Long, ExperimentFile.Cell> cells = ExperimentFile.read(source, false).cells().stream()
        .collect(Collectors.toMap(c -> (Long) c.settings().get("seed"), Function.identity()));

    // Seed 1 complete, seed 2 diverged: their results record the cells' settings.
    writeResult(out, cells.get(1L), null);
    JsonObject divergence = new JsonObject();
    divergence.addProperty("step", 17);
    divergence.addProperty("message", "critic/loss is NaN");
    writeResult(out, cells.get(2L), divergence);

    // Seed 3: a real 40-step run, trained through but not evaluated.
    Path trained = cellFolder(out, cells.get(3L)).resolve(ExperimentRunner.RUN);
    List<String> train = cells.get(3L).trainCommand(trained, Path.of(CliRunner.data()), 1);
    CliRunner.Outcome outcome = CliRunner.run(train.toArray(String[]::new));
    assertEquals(0, outcome.exitCode(), outcome.err());

    // Seed 4: the same run cut back to step 30 with its step-40 checkpoint gone, ended by an error.
    Path stopped = copyRun(trained, cellFolder(out, cells.get(4L)).resolve(ExperimentRunner.RUN));
    Files.writeString(stopped.resolveSibling(ExperimentRunner.TRAIN_LOG), "step 0/40    0%\njgan train: failed: disk full\n");

    // Seed 5: the same state, held by a living process that took the lock 10 s after its checkpoint and
    // logged step 30 another 10 s later: 10 steps from step 20 in 10 s, 1 s per step, 10 steps left.
    // The lock is written after the holder started (else its id would read as reused), so the log's
    // write is dated 10 s ahead.
    Path running = copyRun(trained, cellFolder(out, cells.get(5L)).resolve(ExperimentRunner.RUN));
    // Ended in the finally block; long, so that no slow machine outlasts it.
    Process holder = new ProcessBuilder("sleep", "600").start();
    try {
      Files.writeString(running.resolve(FolderLock.FILE), holder.pid() + "\n");
      long locked = System.currentTimeMillis();
      Path checkpoint20 = running.resolve(TrainingRun.CHECKPOINTS).resolve(checkpointFolder(running, 20));
      Files.setLastModifiedTime(checkpoint20, FileTime.fromMillis(locked - 10_000));
      Files.setLastModifiedTime(running.resolve(FolderLock.FILE), FileTime.fromMillis(locked));
      Files.setLastModifiedTime(running.resolve(JsonLinesLog.FILE), FileTime.fromMillis(locked + 10_000));

      // Seed 6: an interrupted run of other settings. Seed 7: nothing. Seed 9: an extra seed's result.
      Path changed = Files.createDirectories(out.resolve(cells.get(6L).id()));
      Files.writeString(changed.resolve(CellIdentity.STARTED), "{\"fingerprint\": \"of other settings\"}");
      ExperimentFile.Cell extra = ExperimentFile.read(source, false, List.of(9L), "--seeds").cells().get(0);
      writeResult(out, extra, null);

      ExperimentStatus status = ExperimentStatus.read(out, false);
      Map<String, ExperimentStatus.CellStatus> byId = status.cells().stream()
          .collect(Collectors.toMap(ExperimentStatus.CellStatus::cell, Function.identity()));
      assertEquals(8, status.cells().size());
      assertEquals(ExperimentStatus.State.COMPLETE, byId.get(cells.get(1L).id()).state());
      assertEquals(ExperimentStatus.State.DIVERGED, byId.get(cells.get(2L).id()).state());
      assertEquals(17, byId.get(cells.get(2L).id()).step());

      ExperimentStatus.CellStatus three = byId.get(cells.get(3L).id());
      assertEquals(List.of(ExperimentStatus.State.TRAINED, 40L, 40L, 40L),
          List.of(three.state(), three.step(), three.steps(), three.checkpointStep()));

      ExperimentStatus.CellStatus four = byId.get(cells.get(4L).id());
      assertEquals(List.of(ExperimentStatus.State.STOPPED, 30L, 40L, 20L),
          List.of(four.state(), four.step(), four.steps(), four.checkpointStep()));
      assertEquals("jgan train: failed: disk full", four.detail());

      ExperimentStatus.CellStatus five = byId.get(cells.get(5L).id());
      assertEquals(ExperimentStatus.State.RUNNING, five.state());
      assertEquals(OptionalLong.of(holder.pid()), five.process());
      assertEquals(1.0, five.pace().secondsPerStep(), 0.01);
      assertEquals(10.0, five.secondsLeft(), 0.1);

      assertEquals(ExperimentStatus.State.SETTINGS_CHANGED, byId.get(cells.get(6L).id()).state());
      assertEquals(ExperimentStatus.State.NOT_STARTED, byId.get(cells.get(7L).id()).state());
      assertEquals(ExperimentStatus.State.COMPLETE, byId.get(extra.id()).state());
      assertEquals(OptionalLong.empty(), status.sweepProcess());

      String report = CliRunner.run("experiment", "status", out.toString()).out();
      assertTrue(report.startsWith("experiment status-test in " + out + " (full scale): 8 cells: 2 complete, 1 diverged,"
          + " 1 running, 1 trained, 1 stopped, 1 settings changed, 1 not started; no sweep is running\n"), report);
      assertTrue(report.contains("stopped at step 30 of 40 (75.0%); resumes from its checkpoint at step 20: jgan train:"
          + " failed: disk full"), report);
      assertTrue(report.contains("running (pid " + holder.pid() + "): step 30 of 40 (75.0%), 1000 ms per step over its"
          + " last 10 steps, about 10 s left"), report);
      assertTrue(report.contains("diverged at step 17: critic/loss is NaN"), report);
    } finally {
      holder.destroyForcibly().waitFor();
    }
    // Its process gone, the running cell reads as stopped where it was.
    assertEquals(ExperimentStatus.State.STOPPED, ExperimentStatus.read(out, false).cells().get(4).state());
  }

  @Test
  void theSpeedIsMeasuredFromTheNewestCheckpointAtLeastFiveMinutesOld() {
    long lock = 1_000_000;
    // Resumed from step 35,000 (written before the lock), then checkpoints at 40,000, 45,000 and 46,000
    // written 730 s, 1,460 s and 1,700 s after the lock; step 47,000 logged 1,752 s after it. The last
    // two are under 300 s older than the log, so the stretch starts at 40,000: 7,000 steps in
    // 1,752 - 730 = 1,022 s, 0.146 s per step; the slow start is left out.
    List<long[]> checkpoints = List.of(new long[] {35_000, lock - 600_000}, new long[] {40_000, lock + 730_000},
        new long[] {45_000, lock + 1_460_000}, new long[] {46_000, lock + 1_700_000});
    ExperimentStatus.Pace recent = ExperimentStatus.Pace.of(lock, checkpoints, 47_000, lock + 1_752_000);
    assertEquals(7_000, recent.steps());
    assertEquals(0.146, recent.secondsPerStep(), 1e-12);
    // Logged 1,760 s after the lock: 45,000 is now 300 s old, so 2,000 steps in 300 s.
    ExperimentStatus.Pace newer = ExperimentStatus.Pace.of(lock, checkpoints, 47_000, lock + 1_760_000);
    assertEquals(List.of(2_000L, 0.15), List.of(newer.steps(), newer.secondsPerStep()));
    // With no checkpoint written 300 s before the log, the stretch starts at the lock: 12,000 steps from 35,000.
    ExperimentStatus.Pace sinceStart = ExperimentStatus.Pace.of(lock, checkpoints.subList(0, 2), 47_000,
        lock + 1_000_000);
    assertEquals(12_000, sinceStart.steps());
    assertEquals(1.0 / 12, sinceStart.secondsPerStep(), 1e-12);
    // Fresh run (no checkpoint before the lock): from step 0. A checkpoint past the logged step (the log
    // not flushed yet) is no anchor.
    ExperimentStatus.Pace fresh = ExperimentStatus.Pace.of(lock, List.of(new long[] {5_000, lock + 1_000_000}), 4_000,
        lock + 800_000);
    assertEquals(List.of(4_000L, 0.2), List.of(fresh.steps(), fresh.secondsPerStep()));
    // Nothing logged since the start: not measured.
    ExperimentStatus.Pace none = ExperimentStatus.Pace.of(lock, checkpoints.subList(0, 1), 35_000, lock + 5_000);
    assertEquals(List.of(0L, true), List.of(none.steps(), Double.isNaN(none.secondsPerStep())));
  }

  @Test
  void aFolderWithoutAnExperimentCopyIsAOneLineErrorNamingIt() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("not-an-experiment"));
    CliRunner.Outcome outcome = CliRunner.run("experiment", "status", empty.toString());
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals(1, outcome.err().lines().filter(l -> !l.isBlank()).count(), outcome.err());
    assertTrue(outcome.err().contains(empty.toString()) && outcome.err().contains("experiment.yaml"), outcome.err());
    CliRunner.Outcome quick = CliRunner.run("experiment", "status", "--quick", tmp.resolve("absent").toString());
    assertEquals(2, quick.exitCode(), quick.err());
    assertTrue(quick.err().contains(tmp.resolve("absent") + " is not a folder"), quick.err());
  }

  @Test
  void theCopysNameKeepsTheFilesExtensionAndMarksTheQuickScale() {
    assertEquals("experiment.yaml", ExperimentStatus.copyName(Path.of("dir", "toy.yaml"), false));
    assertEquals("experiment.quick.json", ExperimentStatus.copyName(Path.of("toy.json"), true));
    assertEquals("experiment", ExperimentStatus.copyName(Path.of("toy"), false));
    assertEquals("3 h 12 min", ExperimentStatus.duration(3 * 3600 + 12 * 60 + 29));
    assertEquals("12 min", ExperimentStatus.duration(12 * 60 + 10));
    assertEquals("40 s", ExperimentStatus.duration(40.4));
  }

  private static Path cellFolder(Path out, ExperimentFile.Cell cell) throws Exception {
    Path dir = Files.createDirectories(out.resolve(cell.id()));
    CellIdentity.markStarted(dir, cell);
    return dir;
  }

  private static void writeResult(Path out, ExperimentFile.Cell cell, JsonObject divergence) throws Exception {
    Path dir = cellFolder(out, cell);
    JsonObject result = new JsonObject();
    CellIdentity.record(result, cell);
    if (divergence != null) {
      result.add(ExperimentTable.DIVERGED, divergence);
    }
    Files.writeString(dir.resolve(ExperimentRunner.RESULT), result.toString());
  }

  /** A copy of run folder {@code from} cut back to step 30: log lines after it and the step-40 checkpoint removed. */
  private static Path copyRun(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().equals(FolderLock.FILE)) {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path log = to.resolve(JsonLinesLog.FILE);
    Files.write(log, Files.readAllLines(log).stream().filter(l -> !l.contains("\"step\":40")).toList());
    CheckpointStore.deleteTree(to.resolve(TrainingRun.CHECKPOINTS).resolve(checkpointFolder(to, 40)));
    return to;
  }

  /** The folder name of {@code run}'s checkpoint of {@code step}, as its store lists it. */
  private static String checkpointFolder(Path run, long step) throws Exception {
    return new CheckpointStore(run.resolve(TrainingRun.CHECKPOINTS), 1).complete().stream()
        .filter(c -> c.step() == step).findFirst().orElseThrow().folder().getFileName().toString();
  }
}
