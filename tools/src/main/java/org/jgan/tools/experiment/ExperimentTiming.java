package org.jgan.tools.experiment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.graphs.CheckpointStore;
import org.jgan.tools.progress.ProgressReporter;
import org.jgan.tools.progress.ProgressTask;
import org.jgan.tools.progress.ProgressUnit;
import picocli.CommandLine;
import org.jgan.tools.run.LoopTimer;
import org.jgan.tools.cli.TrainCommand;

/**
 * How long an experiment takes here, measured rather than guessed: every distinct cell (the grid
 * without the settings that cannot change a run's cost, {@link #COST_NEUTRAL_TRAIN_KEYS}) trains for a
 * short probe in its own process, exactly as the sweep would run it but with fewer iterations, and
 * every distinct evaluation runs once, in full, on a probe's checkpoint. A run's time is then its
 * measured start-up (process, data, graph, final samples) plus its iterations at the probe's steady
 * rate, plus its evaluation.
 */
public final class ExperimentTiming {
  /**
   * Train settings that change only a number the graph holds, not its shape or its ops, so cells that
   * differ in nothing else cost the same and share one probe: the seed, learning rates and their decay,
   * momentum (plain SGD is momentum 0: the same op) and EBGAN's margin.
   */
  static final Set<String> COST_NEUTRAL_TRAIN_KEYS = Set.of("seed", "lr", "lr-decay-factor", "min-lr", "momentum",
      "final-momentum", "margin");

  /** One distinct cell's measurements and its extrapolated full-scale time per run, for its runs. */
  public record Row(String cell, int runs, long steps, double startupSeconds, double secondsPerIteration,
      double evalSeconds) {
    double runSeconds() {
      return startupSeconds + steps * secondsPerIteration + evalSeconds;
    }
  }

  private final ExperimentFile experiment;
  private final Path out;
  private final int probeSteps;
  private final Path dataDir;
  private final PrintWriter console;

  public ExperimentTiming(ExperimentFile experiment, Path out, int probeSteps, Path dataDir, PrintWriter console) {
    this.experiment = experiment;
    this.out = out;
    this.probeSteps = probeSteps;
    this.dataDir = dataDir;
    this.console = console;
  }

  /** Probes every distinct cell and evaluation; returns one row per distinct cell, in grid order. */
  public List<Row> measure() throws Exception {
    Map<String, List<ExperimentFile.Cell>> distinct = new LinkedHashMap<>();
    for (ExperimentFile.Cell cell : experiment.cells()) {
      distinct.computeIfAbsent(costKey(cell), k -> new ArrayList<>()).add(cell);
    }
    Map<List<String>, Double> evalSeconds = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    int index = 0;
    ProgressTask progress = ProgressReporter.forConsole(console, false)
        .start("probes", 0, distinct.size(), ProgressUnit.ITEMS);
    for (Map.Entry<String, List<ExperimentFile.Cell>> e : distinct.entrySet()) {
      ExperimentFile.Cell cell = e.getValue().get(0);
      Path dir = Files.createDirectories(out.resolve(String.format("%03d", index++)));
      Path runDir = dir.resolve("run");
      CheckpointStore.deleteTree(runDir); // a probe is measured afresh, never resumed
      ExperimentFile.Cell probe = new ExperimentFile.Cell(cell.id(), cell.settings(),
          withOption(withOption(cell.trainArgs(), "--steps", Integer.toString(probeSteps)), "--checkpoint-every",
              Integer.toString(probeSteps)), cell.evalArgs(), cell.identity(), cell.order());
      say(String.format("[%d/%d] %s: training %d iterations", index, distinct.size(), e.getKey(), probeSteps));
      long started = System.nanoTime();
      JganProcess.run(probe.trainCommand(runDir, dataDir, 1), dir.resolve("train.log"), line -> {});
      double trainWall = (System.nanoTime() - started) / 1e9;
      JsonObject timing = JsonParser.parseString(Files.readString(runDir.resolve(LoopTimer.FILE), StandardCharsets.UTF_8))
          .getAsJsonObject();
      double perIteration = timing.get("seconds_per_iteration").getAsDouble();
      double startup = trainWall - timing.get("loop_seconds").getAsDouble();

      List<String> evalKey = new ArrayList<>(cell.evalArgs());
      evalKey.add(0, option(cell.trainArgs(), "--dataset", "default"));
      Double eval = evalSeconds.get(evalKey);
      if (eval == null) {
        say(String.format("[%d/%d] %s: evaluating in full", index, distinct.size(), e.getKey()));
        long evalStarted = System.nanoTime();
        JganProcess.run(probe.evalCommand(runDir, dir.resolve("eval.json"), dataDir), dir.resolve("eval.log"), line -> {});
        eval = (System.nanoTime() - evalStarted) / 1e9;
        evalSeconds.put(evalKey, eval);
      }
      long steps = Long.parseLong(option(cell.trainArgs(), "--steps", defaultSteps()));
      Row row = new Row(e.getKey(), e.getValue().size(), steps, startup, perIteration, eval);
      say(String.format("      %.2f ms/iteration, start-up %.0fs, eval %.0fs: %s per run", perIteration * 1e3, startup,
          eval, duration(row.runSeconds())));
      rows.add(row);
      progress.update(rows.size(), e.getKey());
    }
    return rows;
  }

  /** The rows as a Markdown table with the experiment's total, one job at a time. */
  public String render(List<Row> rows) {
    StringBuilder text = new StringBuilder();
    text.append("| cell | runs | iterations | ms/iteration | start-up s | eval s | per run | all runs |\n");
    text.append("|---|---|---|---|---|---|---|---|\n");
    double total = 0;
    int runs = 0;
    for (Row r : rows) {
      text.append(String.format("| %s | %d | %d | %.2f | %.0f | %.0f | %s | %s |%n", r.cell(), r.runs(), r.steps(),
          r.secondsPerIteration() * 1e3, r.startupSeconds(), r.evalSeconds(), duration(r.runSeconds()),
          duration(r.runSeconds() * r.runs())));
      total += r.runSeconds() * r.runs();
      runs += r.runs();
    }
    text.append(String.format("%nExperiment %s at full scale: %d runs, %s one job at a time (measured from %d-iteration"
        + " probes; in-training quality probes not included).%n", experiment.name(), runs, duration(total), probeSteps));
    return text.toString();
  }

  /** Writes timing.md and timing.json into the output folder. */
  public void write(List<Row> rows) throws IOException {
    Files.writeString(out.resolve("timing.md"), render(rows));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("experiment", experiment.name());
    json.put("probe_iterations", probeSteps);
    json.put("rows", rows);
    json.put("total_seconds", rows.stream().mapToDouble(r -> r.runSeconds() * r.runs()).sum());
    org.jgan.graphs.JsonFiles.writeWithoutNulls(out.resolve("timing.json"), json);
  }

  /** "42s", "7.5 min" or "3.2 h". */
  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format("%.0fs", seconds);
    }
    if (seconds < 5400) {
      return String.format("%.1f min", seconds / 60);
    }
    return String.format("%.1f h", seconds / 3600);
  }

  /** {@code args} with option {@code name} set to {@code value}: replaced where present, else appended. */
  static List<String> withOption(List<String> args, String name, String value) {
    List<String> result = new ArrayList<>(args);
    int at = result.indexOf(name);
    if (at >= 0) {
      result.set(at + 1, value);
    } else {
      result.add(name);
      result.add(value);
    }
    return result;
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    return at >= 0 ? args.get(at + 1) : fallback;
  }

  private static String defaultSteps() {
    return new CommandLine(new TrainCommand()).getCommandSpec().findOption("--steps").defaultValue();
  }

  /** The cell's settings that can change its cost: the grid point without the cost-neutral ones. */
  private static String costKey(ExperimentFile.Cell cell) {
    List<String> parts = new ArrayList<>();
    cell.settings().forEach((k, v) -> {
      if (!COST_NEUTRAL_TRAIN_KEYS.contains(k)) {
        parts.add(k + "=" + v);
      }
    });
    return parts.isEmpty() ? "(all)" : String.join(", ", parts);
  }

  private void say(String line) {
    console.println(line);
    console.flush();
  }
}
