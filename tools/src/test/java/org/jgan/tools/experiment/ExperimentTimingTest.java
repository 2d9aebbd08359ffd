package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.cli.CliRunner;
import org.jgan.tools.run.LoopTimer;

/**
 * {@code jgan experiment time}: one short probe per distinct cell (seeds and learning rates share it), one full
 * evaluation per distinct evaluation, and totals that are the sums of what was measured.
 */
class ExperimentTimingTest {
  @TempDir
  Path dir;

  @Test
  void probesEachDistinctCellOnceAndExtrapolatesFromItsOwnMeasurements() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, """
        name: tiny
        grid:
          objective: [gan-ns, wgan-gp]
          lr: [0.001, 0.0005]
        seeds: [1, 2, 3]
        train: {steps: 5000, width: 16, checkpoint-every: 1000}
        eval: {metrics: [toy], n: 300}
        """);
    Path out = dir.resolve("timing");
    CliRunner.Outcome outcome = CliRunner.run("experiment", "time", file.toString(), "--out", out.toString(),
        "--probe-steps", "20");
    assertEquals(0, outcome.exitCode(), outcome.err() + outcome.out());

    JsonObject timing = JsonParser.parseString(Files.readString(out.resolve("timing.json"))).getAsJsonObject();
    JsonArray rows = timing.getAsJsonArray("rows");
    assertEquals(2, rows.size(), "three seeds and two learning rates of one objective share a probe");
    double total = 0;
    for (int i = 0; i < 2; i++) {
      JsonObject row = rows.get(i).getAsJsonObject();
      assertEquals(6, row.get("runs").getAsInt());
      assertEquals(5000, row.get("steps").getAsLong(), "extrapolated to the file's full iterations");
      JsonObject probe = JsonParser.parseString(Files.readString(
          out.resolve(String.format("%03d", i)).resolve("run").resolve(LoopTimer.FILE))).getAsJsonObject();
      assertEquals(20, probe.get("iterations").getAsInt(), "the probe trains only --probe-steps iterations");
      assertEquals(probe.get("seconds_per_iteration").getAsDouble(), row.get("secondsPerIteration").getAsDouble(), 0);
      assertTrue(row.get("startupSeconds").getAsDouble() > 0);
      total += 6 * (row.get("startupSeconds").getAsDouble() + 5000 * row.get("secondsPerIteration").getAsDouble()
          + row.get("evalSeconds").getAsDouble());
    }
    assertEquals(total, timing.get("total_seconds").getAsDouble(), 1e-9 * total);
    assertEquals(rows.get(0).getAsJsonObject().get("evalSeconds").getAsDouble(),
        rows.get(1).getAsJsonObject().get("evalSeconds").getAsDouble(), 0,
        "the same dataset and eval settings are evaluated once and shared");
    assertTrue(Files.exists(out.resolve("000").resolve("eval.json")));
    assertTrue(!Files.exists(out.resolve("001").resolve("eval.json")), "the second cell's evaluation was not rerun");
    String table = Files.readString(out.resolve("timing.md"));
    assertTrue(table.contains("| objective=gan-ns | 6 | 5000 |"), table);
    assertTrue(table.contains("Experiment tiny at full scale: 12 runs"), table);
    assertTrue(outcome.out().contains("Experiment tiny at full scale"), outcome.out());
  }

  /**
   * With --jobs 2 the probes run two at once (a lone last probe beside a repeat of itself, whose numbers are
   * dropped), and the wall time is the runs handed in grid order to the first free job: for two seeds of
   * each row, both jobs run each row's pair together, so the wall time is the rows' run times added once.
   */
  @Test
  void withJobsProbesShareTheMachineAndTheWallTimeIsScheduled() throws Exception {
    Path file = dir.resolve("three.yaml");
    Files.writeString(file, """
        name: three
        grid:
          objective: [gan-ns, wgan-gp, gan]
        seeds: [1, 2]
        train: {steps: 3000, width: 16, checkpoint-every: 1000}
        eval: {metrics: [toy], n: 300}
        """);
    Path out = dir.resolve("timing");
    CliRunner.Outcome outcome = CliRunner.run("experiment", "time", file.toString(), "--out", out.toString(),
        "--probe-steps", "20", "--jobs", "2");
    assertEquals(0, outcome.exitCode(), outcome.err() + outcome.out());

    JsonObject timing = JsonParser.parseString(Files.readString(out.resolve("timing.json"))).getAsJsonObject();
    assertEquals(2, timing.get("jobs").getAsInt());
    JsonArray rows = timing.getAsJsonArray("rows");
    assertEquals(3, rows.size());
    double rowsOnce = 0;
    for (int i = 0; i < 3; i++) {
      JsonObject row = rows.get(i).getAsJsonObject();
      rowsOnce += row.get("startupSeconds").getAsDouble() + 3000 * row.get("secondsPerIteration").getAsDouble()
          + row.get("evalSeconds").getAsDouble();
      assertTrue(Files.exists(out.resolve(String.format("%03d", i)).resolve("run").resolve(LoopTimer.FILE)));
    }
    assertEquals(rowsOnce, timing.get("wall_seconds").getAsDouble(), 1e-9 * rowsOnce);
    assertEquals(2 * rowsOnce, timing.get("total_seconds").getAsDouble(), 1e-9 * rowsOnce);
    assertTrue(Files.exists(out.resolve("load-002-1").resolve("run").resolve(LoopTimer.FILE)),
        "the last round's one probe ran beside a repeat of itself");
    assertTrue(outcome.out().contains("of wall time with 2 jobs at once"), outcome.out());

    CliRunner.Outcome zero = CliRunner.run("experiment", "time", file.toString(), "--out", dir.resolve("t").toString(),
        "--jobs", "0");
    assertEquals(2, zero.exitCode());
    assertTrue(zero.err().contains("--jobs must be at least 1"), zero.err());
    // As experiment run: the flag is refused before the file is read.
    CliRunner.Outcome zeroNoFile = CliRunner.run("experiment", "time", dir.resolve("absent.yaml").toString(),
        "--out", dir.resolve("t").toString(), "--jobs", "0");
    assertEquals(2, zeroNoFile.exitCode());
    assertTrue(zeroNoFile.err().contains("--jobs must be at least 1"), zeroNoFile.err());
  }

  /** A renamed train flag fails here rather than silently giving every cell its own probe again. */
  @Test
  void everyCostNeutralKeyIsATrainOption() {
    picocli.CommandLine.Model.CommandSpec train = new picocli.CommandLine(new org.jgan.tools.cli.TrainCommand())
        .getCommandSpec();
    for (String key : ExperimentTiming.COST_NEUTRAL_TRAIN_KEYS) {
      assertTrue(train.findOption("--" + key) != null, key);
    }
  }

  @Test
  void optionsAreReplacedOrAppended() {
    assertEquals(List.of("--steps", "20", "--seed", "1"),
        ExperimentTiming.withOption(List.of("--steps", "5000", "--seed", "1"), "--steps", "20"));
    assertEquals(List.of("--seed", "1", "--steps", "20"),
        ExperimentTiming.withOption(List.of("--seed", "1"), "--steps", "20"));
    assertEquals("42s", ExperimentTiming.duration(42));
    assertEquals("7.5 min", ExperimentTiming.duration(450));
    assertEquals("3.2 h", ExperimentTiming.duration(3.2 * 3600));
  }

  @Test
  void tooFewProbeStepsIsABadFlag() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, "name: tiny\ntrain: {objective: gan}\n");
    CliRunner.Outcome outcome = CliRunner.run("experiment", "time", file.toString(), "--out", dir.resolve("t").toString(),
        "--probe-steps", "2");
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("--probe-steps"), outcome.err());
  }
}
