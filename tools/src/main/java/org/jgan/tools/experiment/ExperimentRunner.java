package org.jgan.tools.experiment;

import org.jgan.training.RunConfig;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.graphs.cluster.CellTask;
import org.jgan.graphs.cluster.ClusterSpec;
import org.jgan.tools.figures.FigureFormat;
import org.jgan.tools.progress.ProgressReporter;
import org.jgan.tools.progress.ProgressTask;
import org.jgan.tools.progress.ProgressUnit;
import org.jgan.tools.run.BestCheckpoint;
import org.jgan.tools.run.DivergedRun;
import org.jgan.tools.run.RunFigures;
import org.jgan.tools.run.TrainingRun;

/**
 * Runs every cell of an experiment, each as its own {@code jgan train} then {@code jgan eval}
 * process (a crash ends that cell, not the sweep), up to {@code jobs} at once. A cell is complete
 * when its {@code result.json} exists and records the cell's current settings (its fingerprint, see
 * {@link CellIdentity}); complete cells are skipped, so an interrupted sweep resumes, and an
 * interrupted cell resumes its training from its last checkpoint. A cell whose settings changed
 * since its result or its interrupted run has its folder set aside and runs afresh.
 */
public final class ExperimentRunner {
  static final String RESULT = "result.json";
  /** A cell's run folder, inside the cell's folder: what {@code jgan train --out} writes. */
  static final String RUN = "run";
  /** The first training attempt's console output, inside the cell's folder. */
  static final String TRAIN_LOG = "train.log";
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create();
  private static final Pattern STEP = Pattern.compile("^step (\\d+)/(\\d+)");

  private final ExperimentFile experiment;
  private final Path out;
  private int jobs;
  private final Path dataDir;
  private final PrintWriter console;
  private final Map<String, String> running = new ConcurrentHashMap<>();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger diverged = new AtomicInteger();
  private ClusterWorkers workers;
  private FigureFormat figureFormat = FigureFormat.PNG;
  private ProgressReporter reporter;
  private ProgressTask progress;

  public ExperimentRunner(ExperimentFile experiment, Path out, int jobs, Path dataDir, PrintWriter console) {
    this.experiment = experiment;
    this.out = out;
    this.jobs = jobs;
    this.dataDir = dataDir;
    this.console = console;
    this.reporter = ProgressReporter.forConsole(console, false);
  }

  /**
   * Runs each cell's training on a worker of {@code cluster} (its child process's sessions on that
   * worker's server, see {@link CellTask}), one cell per worker at a time; the sweep's own
   * {@code jobs} becomes the worker count. Evaluation, checkpoints, logs and results stay on this
   * machine: the cell's trainer fetches its variables from the worker to checkpoint them here, so
   * workers need no folder shared with this machine.
   */
  public ExperimentRunner withCluster(ClusterSpec cluster) {
    this.workers = new ClusterWorkers(cluster);
    this.jobs = workers.size();
    return this;
  }

  /** Reports the sweep's progress (cells done, rate, time left, what each running cell is at) through {@code reporter}. */
  public ExperimentRunner withProgress(ProgressReporter reporter) {
    this.reporter = reporter;
    return this;
  }

  /** Each cell's losses.png also as SVG or PDF. */
  public ExperimentRunner withFigureFormat(FigureFormat format) {
    this.figureFormat = format;
    return this;
  }

  /** Runs the cells not yet complete; returns the ids of the cells that failed. */
  public List<String> run() throws Exception {
    Files.createDirectories(out);
    List<ExperimentFile.Cell> todo = new ArrayList<>();
    for (ExperimentFile.Cell cell : experiment.cells()) {
      Path dir = out.resolve(cell.id());
      CellIdentity.State state = CellIdentity.state(dir, cell);
      if (state == CellIdentity.State.COMPLETE) {
        done.incrementAndGet();
        if (read(dir.resolve(RESULT)).getAsJsonObject().has(ExperimentTable.DIVERGED)) {
          diverged.incrementAndGet(); // the closing line counts every diverged cell, this run's or an earlier one's
        }
        continue;
      }
      if (state.message != null) {
        Path kept = CellIdentity.setAside(out, dir);
        say("cell " + cell.id() + ": " + state.message + " (its old folder is kept as " + out.relativize(kept) + ")");
      }
      todo.add(cell);
    }
    int total = experiment.cells().size();
    todo = stoppedFirst(todo, out);
    long stopped = todo.stream().filter(cell -> hasCheckpoint(out.resolve(cell.id()).resolve(RUN))).count();
    say(String.format("experiment %s: %d cells, %d already complete, %d to run with %d job(s)%s", experiment.name(),
        total, done.get(), todo.size(), jobs, stopped == 0 ? "" : ", the " + stopped + " stopped part-way first"));
    progress = reporter.start("cells", done.get(), total, ProgressUnit.ITEMS);
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (ExperimentFile.Cell cell : todo) {
        futures.add(pool.submit(() -> {
          if (JganProcess.stopping()) {
            return null; // interrupted sweep: the cell stays as it was, to run when the sweep resumes
          }
          try {
            runCell(cell);
            done.incrementAndGet();
          } catch (Exception e) {
            if (JganProcess.stopping()) {
              // Its child ended because this sweep is stopping (it saved where it was), not because it failed.
              say("cell " + cell.id() + " stopped with the sweep; it resumes from its last checkpoint when the sweep runs again");
            } else {
              failed.incrementAndGet();
              failures.add(cell.id());
              say("cell " + cell.id() + " failed: " + e.getMessage());
            }
          } finally {
            running.remove(cell.id());
            status();
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    synchronized (this) {
      progress.finish(failed.get() + " failed");
    }
    say(String.format("experiment %s: %d of %d cells complete%s, %d failed", experiment.name(), done.get(),
        total, diverged.get() == 0 ? "" : " (" + diverged.get() + " of them diverged)", failed.get()));
    return failures;
  }

  private void runCell(ExperimentFile.Cell cell) throws Exception {
    Path dir = Files.createDirectories(out.resolve(cell.id()));
    CellIdentity.markStarted(dir, cell);
    Path runDir = dir.resolve(RUN);
    long started = System.nanoTime();
    running.put(cell.id(), "starting");
    try {
      if (workers == null) {
        train(cell, runDir, dir.resolve(TRAIN_LOG), Map.of(), () -> null);
      } else {
        trainOnCluster(cell, runDir, dir);
      }
    } catch (IOException e) {
      java.util.Optional<DivergedRun> divergence = DivergedRun.read(runDir);
      if (divergence.isEmpty() || JganProcess.stopping()) {
        throw e;
      }
      recordDivergence(cell, dir, runDir, divergence.get(), started);
      return;
    }
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    Path evalFile = dir.resolve("eval.json");
    running.put(cell.id(), "evaluating");
    long evalStarted = System.nanoTime();
    // A run that kept a checkpoint chosen on validation (--keep-best) is scored there, not at its last step.
    Path best = runDir.resolve(BestCheckpoint.FOLDER);
    boolean scoreBest = Files.exists(best.resolve(TrainingRun.CHECKPOINTS).resolve("latest"));
    execute(cell, cell.evalCommand(scoreBest ? best : runDir, evalFile, dataDir), dir.resolve("eval.log"));
    double evalSeconds = (System.nanoTime() - evalStarted) / 1e9;
    RunFigures.writeLosses(runDir, cell.id(), dir.resolve("losses.png"), figureFormat);

    JsonObject result = resultOf(cell, runDir);
    result.add("eval", read(evalFile));
    result.addProperty("evaluated_checkpoint", scoreBest ? "best on validation" : "last");
    result.addProperty("seconds", (System.nanoTime() - started) / 1e9);
    // This process's share only when the cell was resumed: the earlier attempts' time is not known.
    result.addProperty("train_seconds", trainSeconds);
    result.addProperty("eval_seconds", evalSeconds);
    org.jgan.graphs.JsonFiles.write(dir.resolve(RESULT), result);
  }

  /** A result's first fields, whatever its outcome: which cell, its settings and fingerprint, the run's configuration. */
  private JsonObject resultOf(ExperimentFile.Cell cell, Path runDir) throws IOException {
    JsonObject result = new JsonObject();
    result.addProperty("experiment", experiment.name());
    result.addProperty("cell", cell.id());
    result.addProperty("order", cell.order());
    result.add("settings", GSON.toJsonTree(cell.settings()));
    CellIdentity.record(result, cell);
    result.add("config", read(RunConfig.in(runDir)));
    return result;
  }

  /**
   * A cell whose training diverged is complete, an outcome the table reports ("diverged at step N"),
   * not a failure to retry: resumed, it would start again from the same last finite checkpoint. Its
   * result has the divergence and no metrics; removing its result.json trains it again from there.
   */
  private void recordDivergence(ExperimentFile.Cell cell, Path dir, Path runDir, DivergedRun divergence, long started)
      throws IOException {
    JsonObject result = resultOf(cell, runDir);
    result.add(ExperimentTable.DIVERGED, divergence.toJson());
    JsonObject eval = new JsonObject();
    eval.add("metrics", new JsonObject());
    result.add("eval", eval);
    result.addProperty("evaluated_checkpoint", "none: training diverged");
    result.addProperty("seconds", (System.nanoTime() - started) / 1e9);
    org.jgan.graphs.JsonFiles.write(dir.resolve(RESULT), result);
    diverged.incrementAndGet();
    say("cell " + cell.id() + " diverged at step " + divergence.step() + " (" + divergence.phase() + "/"
        + divergence.quantity() + "), recorded as its outcome; to train it again (from its last finite checkpoint, if any), remove "
        + out.relativize(dir.resolve(RESULT)));
  }

  /**
   * {@code todo} with the cells stopped part-way (a checkpoint in their run folder under {@code out})
   * first, each group in its own order: they finish soonest, and whatever stops the sweep next loses
   * less of them; the tables keep the file's order whatever order the cells ran in.
   */
  static List<ExperimentFile.Cell> stoppedFirst(List<ExperimentFile.Cell> todo, Path out) {
    List<ExperimentFile.Cell> ordered = new ArrayList<>();
    List<ExperimentFile.Cell> fresh = new ArrayList<>();
    for (ExperimentFile.Cell cell : todo) {
      (hasCheckpoint(out.resolve(cell.id()).resolve(RUN)) ? ordered : fresh).add(cell);
    }
    ordered.addAll(fresh);
    return ordered;
  }

  /** Whether the run folder {@code runDir} has a checkpoint to resume from. */
  private static boolean hasCheckpoint(Path runDir) {
    return Files.exists(runDir.resolve(TrainingRun.CHECKPOINTS).resolve("latest"));
  }

  /** Trains {@code cell} in a child process, resuming from its last checkpoint when it has one. */
  private void train(ExperimentFile.Cell cell, Path runDir, Path log, Map<String, String> environment,
      java.util.function.Supplier<String> failure) throws Exception {
    DivergedRun.clear(runDir); // only this attempt's divergence makes the cell's outcome
    List<String> train = cell.trainCommand(runDir, dataDir, jobs);
    if (hasCheckpoint(runDir)) {
      train.add("--resume");
    }
    execute(cell, train, log, environment, failure);
  }

  /**
   * Trains {@code cell} on a free worker; when that fails (a worker killed, say) it is tried again,
   * from its last checkpoint, on a worker it has not failed on, a bounded number of times. Each
   * attempt's output is kept in its own log.
   */
  private void trainOnCluster(ExperimentFile.Cell cell, Path runDir, Path dir) throws Exception {
    Set<CellTask> tried = new HashSet<>();
    for (int attempt = 1; ; attempt++) {
      CellTask worker = workers.acquire(tried);
      if (worker == null) {
        throw new IOException("failed on every worker it was tried on: " + tried);
      }
      tried.add(worker);
      say("cell " + cell.id() + ": training on " + worker);
      try {
        Path log = dir.resolve(attempt == 1 ? TRAIN_LOG : "train-" + attempt + ".log");
        train(cell, runDir, log, Map.of(CellTask.ENVIRONMENT, worker.environmentValue()), WorkerWatch.of(worker));
        return;
      } catch (IOException e) {
        if (DivergedRun.read(runDir).isPresent()) {
          throw e; // the model diverged, not the worker: another worker would diverge the same way
        }
        String where = "cell " + cell.id() + " failed on " + worker + ": " + e.getMessage();
        if (attempt >= workers.attempts()) {
          throw new IOException(where + "; gave up after " + attempt + " worker(s)", e);
        }
        say(where + "; retrying from its last checkpoint on another worker");
      } finally {
        workers.release(worker);
      }
    }
  }

  private void execute(ExperimentFile.Cell cell, List<String> args, Path log) throws Exception {
    execute(cell, args, log, Map.of(), () -> null);
  }

  private void execute(ExperimentFile.Cell cell, List<String> args, Path log, Map<String, String> environment,
      java.util.function.Supplier<String> failure) throws Exception {
    JganProcess.run(args, environment, log, line -> {
      Matcher m = STEP.matcher(line.trim());
      if (m.find()) {
        running.put(cell.id(), "step " + m.group(1) + "/" + m.group(2));
        status();
      }
    }, failure);
  }

  /** Redraws the sweep's progress: a terminal sees each running cell's step; a log gets a line per tenth of the cells. */
  private synchronized void status() {
    StringBuilder detail = new StringBuilder(failed.get() + " failed");
    running.forEach((id, what) -> detail.append("  ").append(id).append(": ").append(what));
    progress.update(done.get() + failed.get(), detail.toString());
  }

  private static JsonElement read(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
  }

  private synchronized void say(String line) {
    console.println(line);
    console.flush();
  }
}
