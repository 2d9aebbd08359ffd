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
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * rate, plus its evaluation. With {@code jobs} above 1 the probes run as {@code jgan experiment run --jobs}
 * runs its cells: that many at once, each with its share of the processors, so the rates include the
 * contention for cores; the wall time is then the runs, in grid order, handed to the first free job.
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
  private final int jobs;
  private final Path dataDir;
  private final PrintWriter console;

  /** {@code jobs}: the runs the experiment will run at once ({@code jgan experiment run --jobs}). */
  public ExperimentTiming(ExperimentFile experiment, Path out, int probeSteps, int jobs, Path dataDir,
      PrintWriter console) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
    this.experiment = experiment;
    this.out = out;
    this.probeSteps = probeSteps;
    this.jobs = jobs;
    this.dataDir = dataDir;
    this.console = console;
  }

  /** Probes every distinct cell and evaluation; returns one row per distinct cell, in grid order. */
  public List<Row> measure() throws Exception {
    Map<String, List<ExperimentFile.Cell>> distinct = new LinkedHashMap<>();
    for (ExperimentFile.Cell cell : experiment.cells()) {
      distinct.computeIfAbsent(costKey(cell), k -> new ArrayList<>()).add(cell);
    }
    List<String> keys = new ArrayList<>(distinct.keySet());
    Map<String, Probe> probes = new LinkedHashMap<>();
    ProgressTask progress = ProgressReporter.forConsole(console, false)
        .start("probes", 0, keys.size(), ProgressUnit.ITEMS);
    for (int first = 0; first < keys.size(); first += jobs) {
      List<Integer> round = new ArrayList<>();
      for (int i = first; i < Math.min(first + jobs, keys.size()); i++) {
        round.add(i);
        say(String.format("[%d/%d] %s: training %d iterations%s", i + 1, keys.size(), keys.get(i), probeSteps,
            jobs > 1 ? " (" + jobs + " at once)" : ""));
      }
      probes.putAll(trainRound(round, keys, distinct));
      progress.update(probes.size(), keys.get(round.get(round.size() - 1)));
    }

    Map<List<String>, Double> evalSeconds = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      ExperimentFile.Cell cell = distinct.get(keys.get(i)).get(0);
      Probe probe = probes.get(keys.get(i));
      List<String> evalKey = new ArrayList<>(cell.evalArgs());
      evalKey.add(0, option(cell.trainArgs(), "--dataset", "default"));
      Double eval = evalSeconds.get(evalKey);
      if (eval == null) {
        say(String.format("[%d/%d] %s: evaluating in full", i + 1, keys.size(), keys.get(i)));
        long evalStarted = System.nanoTime();
        JganProcess.run(probe.cell().evalCommand(probe.runDir(), probe.runDir().resolveSibling("eval.json"), dataDir),
            probe.runDir().resolveSibling("eval.log"), line -> {});
        eval = (System.nanoTime() - evalStarted) / 1e9;
        evalSeconds.put(evalKey, eval);
      }
      long steps = Long.parseLong(option(cell.trainArgs(), "--steps", defaultSteps()));
      Row row = new Row(keys.get(i), distinct.get(keys.get(i)).size(), steps, probe.startupSeconds(),
          probe.secondsPerIteration(), eval);
      say(String.format("      %.2f ms/iteration, start-up %.0fs, eval %.0fs: %s per run", row.secondsPerIteration() * 1e3,
          row.startupSeconds(), eval, duration(row.runSeconds())));
      rows.add(row);
    }
    return rows;
  }

  /** One cell's probe: the cell as probed, its run folder, and what it measured. */
  private record Probe(ExperimentFile.Cell cell, Path runDir, double startupSeconds, double secondsPerIteration) {}

  /**
   * Trains the probes of {@code round} (indices into {@code keys}) at once, each as one of {@code jobs}
   * concurrent runs; a round with fewer than {@code jobs} probes is filled with repeats of its own, whose
   * measurements are thrown away, so every probe shares the machine as a cell of the sweep would.
   */
  private Map<String, Probe> trainRound(List<Integer> round, List<String> keys,
      Map<String, List<ExperimentFile.Cell>> distinct) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      Map<String, Future<Probe>> measured = new LinkedHashMap<>();
      for (int slot = 0; slot < jobs; slot++) {
        int index = round.get(slot % round.size());
        ExperimentFile.Cell cell = distinct.get(keys.get(index)).get(0);
        Path dir = slot < round.size() ? out.resolve(String.format("%03d", index))
            : out.resolve(String.format("load-%03d-%d", index, slot));
        Future<Probe> probe = pool.submit(() -> trainProbe(cell, dir));
        if (slot < round.size()) {
          measured.put(keys.get(index), probe);
        }
      }
      Map<String, Probe> probes = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Probe>> e : measured.entrySet()) {
        probes.put(e.getKey(), e.getValue().get());
      }
      return probes;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      pool.shutdownNow();
    }
  }

  private Probe trainProbe(ExperimentFile.Cell cell, Path dir) throws Exception {
    Files.createDirectories(dir);
    Path runDir = dir.resolve(ExperimentRunner.RUN);
    CheckpointStore.deleteTree(runDir); // a probe is measured afresh, never resumed
    ExperimentFile.Cell probe = new ExperimentFile.Cell(cell.id(), cell.settings(),
        withOption(withOption(cell.trainArgs(), "--steps", Integer.toString(probeSteps)), "--checkpoint-every",
            Integer.toString(probeSteps)), cell.evalArgs(), cell.identity(), cell.order());
    long started = System.nanoTime();
    JganProcess.run(probe.trainCommand(runDir, dataDir, jobs), dir.resolve(ExperimentRunner.TRAIN_LOG), line -> {});
    double trainWall = (System.nanoTime() - started) / 1e9;
    JsonObject timing = JsonParser.parseString(Files.readString(runDir.resolve(LoopTimer.FILE), StandardCharsets.UTF_8))
        .getAsJsonObject();
    return new Probe(probe, runDir, trainWall - timing.get("loop_seconds").getAsDouble(),
        timing.get("seconds_per_iteration").getAsDouble());
  }

  /**
   * The experiment's wall time with {@code jobs} runs at once: every run of every row, in the grid's
   * order, goes to the job that is free first, as {@code jgan experiment run --jobs} hands out cells.
   */
  double wallSeconds(List<Row> rows) {
    Map<String, Row> byKey = new LinkedHashMap<>();
    rows.forEach(r -> byKey.put(r.cell(), r));
    PriorityQueue<Double> free = new PriorityQueue<>();
    for (int j = 0; j < jobs; j++) {
      free.add(0.0);
    }
    double wall = 0;
    for (ExperimentFile.Cell cell : experiment.cells()) {
      double done = free.poll() + byKey.get(costKey(cell)).runSeconds();
      wall = Math.max(wall, done);
      free.add(done);
    }
    return wall;
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
    if (jobs == 1) {
      text.append(String.format("%nExperiment %s at full scale: %d runs, %s one job at a time (measured from %d-iteration"
          + " probes; in-training quality probes not included).%n", experiment.name(), runs, duration(total), probeSteps));
    } else {
      text.append(String.format("%nExperiment %s at full scale: %d runs, %s of wall time with %d jobs at once (the runs'"
          + " times add up to %s; measured from %d-iteration probes, %d at once, each with its share of the processors;"
          + " evaluations measured one at a time; in-training quality probes not included).%n", experiment.name(), runs,
          duration(wallSeconds(rows)), jobs, duration(total), probeSteps, jobs));
    }
    return text.toString();
  }

  /** Writes timing.md and timing.json into the output folder. */
  public void write(List<Row> rows) throws IOException {
    Files.writeString(out.resolve("timing.md"), render(rows));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("experiment", experiment.name());
    json.put("probe_iterations", probeSteps);
    json.put("jobs", jobs);
    json.put("rows", rows);
    json.put("total_seconds", rows.stream().mapToDouble(r -> r.runSeconds() * r.runs()).sum());
    json.put("wall_seconds", wallSeconds(rows));
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
