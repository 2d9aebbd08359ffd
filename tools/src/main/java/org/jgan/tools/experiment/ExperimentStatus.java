package org.jgan.tools.experiment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.FolderLock;
import org.jgan.tools.run.JsonLinesLog;
import org.jgan.tools.run.TrainingRun;
import org.jgan.training.RunConfig;

/**
 * Where each cell of an experiment folder stands, read from its files alone (any process, while a
 * sweep runs or after it stopped): complete, running (the process holding its run folder's lock),
 * stopped part-way (the step it reached and the checkpoint it resumes from) or not started; for a
 * running cell, its recent speed and the time it has left at that speed. The
 * cells are those of the experiment file that {@code jgan experiment run} copied into the folder,
 * plus any cell folder of a seed the file does not list (added with {@code --seeds}).
 */
public record ExperimentStatus(String experiment, Path folder, String scale, OptionalLong sweepProcess,
    List<CellStatus> cells) {
  /** The name of {@code jgan experiment run}'s copy of the experiment file, less the file's extension. */
  private static final String COPY = "experiment";
  /** Added to {@link #COPY} for the copy of a quick-scale sweep. */
  private static final String QUICK = ".quick";

  /** Where one cell stands. */
  public enum State {
    /** Evaluated: its result is in its folder. */
    COMPLETE("complete"),
    /** Its training diverged, the outcome its result records. */
    DIVERGED("diverged"),
    /** A process is training it now. */
    RUNNING("running"),
    /** Trained to its last step, its evaluation not written yet (under way, or left for the next sweep). */
    TRAINED("trained"),
    /** Trained part of the way; the next sweep resumes it from its last checkpoint. */
    STOPPED("stopped"),
    /** Its folder holds a result or run of other settings: the next sweep sets it aside and runs the cell afresh. */
    SETTINGS_CHANGED("settings changed"),
    /** Nothing in its folder yet. */
    NOT_STARTED("not started");

    /** The word the report uses. */
    public final String word;

    State(String word) {
      this.word = word;
    }
  }

  /**
   * One cell: its folder name and state; the run's last logged step and total steps, and its newest
   * checkpoint's step (each -1 when unknown); for a running cell, its process and its recent pace
   * ({@link Pace#UNMEASURED} otherwise and until it has logged a step); a line of detail (the
   * divergence, a stopped run's error) or empty.
   */
  public record CellStatus(String cell, State state, long step, long steps, long checkpointStep,
      OptionalLong process, Pace pace, String detail) {
    /** Seconds this cell's training has left at its current speed; NaN when not running or not yet measured. */
    public double secondsLeft() {
      return state == State.RUNNING && steps >= 0 && step >= 0 ? (steps - step) * pace.secondsPerStep() : Double.NaN;
    }
  }

  /**
   * Reads the experiment folder {@code folder}: its copy of the experiment file (the quick scale's copy
   * with {@code quick}; without it, the full scale's, else the quick one if only that ran) and every
   * cell folder in it.
   */
  public static ExperimentStatus read(Path folder, boolean quick) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + " is not a folder: name the --out of a jgan experiment run");
    }
    Path copy = experimentCopy(folder, quick);
    boolean quickCopy = copy.getFileName().toString().startsWith(COPY + QUICK);
    ExperimentFile file = ExperimentFile.read(copy, quickCopy);
    List<CellStatus> cells = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (ExperimentFile.Cell cell : file.cells()) {
      listed.add(cell.id());
      cells.add(cellStatus(folder.resolve(cell.id()), cell.id(), CellIdentity.state(folder.resolve(cell.id()), cell)));
    }
    for (Path dir : CellIdentity.startedFolders(folder)) {
      if (listed.contains(dir.getFileName().toString())) {
        continue;
      }
      // A seed given with --seeds: no file cell to compare its settings with, so its files are taken as they are.
      boolean result = Files.exists(dir.resolve(ExperimentRunner.RESULT));
      cells.add(cellStatus(dir, dir.getFileName().toString(),
          result ? CellIdentity.State.COMPLETE : CellIdentity.State.TO_RUN));
    }
    return new ExperimentStatus(file.name(), folder, quickCopy ? "quick" : "full", FolderLock.liveHolder(folder), cells);
  }

  /** How many cells are in {@code state}. */
  public long count(State state) {
    return cells.stream().filter(c -> c.state() == state).count();
  }

  /** The report: a summary line, then one line per cell. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "experiment %s in %s (%s scale): %d cells", experiment, folder, scale,
        cells.size()));
    String separator = ": ";
    for (State state : State.values()) {
      long n = count(state);
      if (n > 0) {
        out.append(separator).append(n).append(' ').append(state.word);
        separator = ", ";
      }
    }
    out.append(sweepProcess.isPresent() ? "; a sweep is running (pid " + sweepProcess.getAsLong() + ")"
        : "; no sweep is running").append('\n');
    int width = cells.stream().mapToInt(c -> c.cell().length()).max().orElse(0);
    for (CellStatus cell : cells) {
      out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s", cell.cell(), describe(cell))).append('\n');
    }
    return out.toString();
  }

  /** The name {@code jgan experiment run} gives its copy of {@code file} in the experiment folder. */
  public static String copyName(Path file, boolean quick) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return COPY + (quick ? QUICK : "") + (dot < 0 ? "" : name.substring(dot));
  }

  private static Path experimentCopy(Path folder, boolean quick) throws IOException {
    Path full = null;
    Path quickCopy = null;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, COPY + "*")) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!Files.isRegularFile(entry)) {
          continue;
        }
        if (name.equals(COPY + QUICK) || name.startsWith(COPY + QUICK + ".")) {
          quickCopy = entry;
        } else if (name.equals(COPY) || name.startsWith(COPY + ".")) {
          full = entry;
        }
      }
    }
    Path chosen = quick ? quickCopy : full != null ? full : quickCopy;
    if (chosen == null) {
      throw new IllegalArgumentException(folder + " holds no " + (quick ? "quick-scale " : "")
          + "copy of an experiment file (" + copyName(Path.of("file.yaml"), quick) + ", written by jgan experiment run"
          + (quick ? " --quick" : "") + "): is it an experiment folder?");
    }
    return chosen;
  }

  private static CellStatus cellStatus(Path dir, String id, CellIdentity.State identity) throws IOException {
    if (identity == CellIdentity.State.COMPLETE) {
      JsonObject result = JsonParser.parseString(Files.readString(dir.resolve(ExperimentRunner.RESULT),
          StandardCharsets.UTF_8)).getAsJsonObject();
      if (result.has(ExperimentTable.DIVERGED)) {
        JsonObject divergence = result.getAsJsonObject(ExperimentTable.DIVERGED);
        long step = divergence.has("step") ? divergence.get("step").getAsLong() : -1;
        return new CellStatus(id, State.DIVERGED, step, -1, -1, OptionalLong.empty(), Pace.UNMEASURED,
            divergence.has("message") ? divergence.get("message").getAsString() : "");
      }
      return new CellStatus(id, State.COMPLETE, -1, -1, -1, OptionalLong.empty(), Pace.UNMEASURED, "");
    }
    if (identity != CellIdentity.State.TO_RUN) {
      return new CellStatus(id, State.SETTINGS_CHANGED, -1, -1, -1, OptionalLong.empty(), Pace.UNMEASURED,
          identity.message);
    }
    Path run = dir.resolve(ExperimentRunner.RUN);
    OptionalLong process = FolderLock.liveHolder(run);
    Path configFile = RunConfig.in(run);
    if (!Files.exists(configFile)) {
      return process.isPresent()
          ? new CellStatus(id, State.RUNNING, -1, -1, -1, process, Pace.UNMEASURED, "starting")
          : new CellStatus(id, State.NOT_STARTED, -1, -1, -1, process, Pace.UNMEASURED, "");
    }
    long steps = RunConfig.read(configFile).steps();
    Path log = run.resolve(JsonLinesLog.FILE);
    long step = JsonLinesLog.lastStep(log).orElse(0);
    List<CheckpointStore.Checkpoint> checkpoints = new CheckpointStore(run.resolve(TrainingRun.CHECKPOINTS), 1).complete();
    long checkpointStep = checkpoints.isEmpty() ? -1 : checkpoints.get(checkpoints.size() - 1).step();
    if (process.isPresent()) {
      return new CellStatus(id, State.RUNNING, step, steps, checkpointStep, process, pace(run, log, step, checkpoints),
          "");
    }
    if (step >= steps) {
      return new CellStatus(id, State.TRAINED, step, steps, checkpointStep, process, Pace.UNMEASURED, "");
    }
    return new CellStatus(id, State.STOPPED, step, steps, checkpointStep, process, Pace.UNMEASURED, lastError(dir));
  }

  /**
   * The recent speed of the process training {@code run}: its seconds per step from the newest of its
   * anchors (the step it started at when it took the run's lock, then each checkpoint it wrote) at least
   * {@link Pace#LEAST_STRETCH_MILLIS} before its last logged step, else from its start; so a load that has
   * passed stops weighing on it within a checkpoint interval or so (10 minutes by default, the
   * checkpoints by time). NaN before it has logged a step.
   */
  private static Pace pace(Path run, Path log, long step, List<CheckpointStore.Checkpoint> checkpoints)
      throws IOException {
    if (!Files.exists(log)) {
      return Pace.UNMEASURED;
    }
    long locked = Files.getLastModifiedTime(run.resolve(FolderLock.FILE)).toMillis();
    List<long[]> written = new ArrayList<>();
    for (CheckpointStore.Checkpoint checkpoint : checkpoints) {
      written.add(new long[] {checkpoint.step(), Files.getLastModifiedTime(checkpoint.folder()).toMillis()});
    }
    return Pace.of(locked, written, step, Files.getLastModifiedTime(log).toMillis());
  }

  /** A speed: seconds per step over the last {@code steps} steps; NaN and 0 when not measured. */
  public record Pace(double secondsPerStep, long steps) {
    /** Not measured: the cell is not running, or has not logged a step since its process started. */
    public static final Pace UNMEASURED = new Pace(Double.NaN, 0);
    /**
     * The shortest stretch measured from a checkpoint, unless the process has run for less: the log is
     * written every so many steps, so a minute's stretch would be coarse (a checkpoint by time just
     * before one by steps leaves such a minute).
     */
    static final long LEAST_STRETCH_MILLIS = 5 * 60_000;

    /**
     * The pace of a process that took its run's lock at {@code lockedMillis}, given the run's checkpoints
     * as (step, written at millis) in step order and its last logged {@code step}, written at
     * {@code loggedMillis}. It started at the newest checkpoint written before the lock (else step 0); the
     * stretch measured begins at the newest of that start and the checkpoints written after it that is
     * at least {@link #LEAST_STRETCH_MILLIS} older than the log's last write, else at the start.
     */
    static Pace of(long lockedMillis, List<long[]> checkpoints, long step, long loggedMillis) {
      // In step order: the newest checkpoint written before the lock is where the process started; each
      // later one it wrote, old enough, moves the stretch's start up.
      long[] from = {0, lockedMillis};
      for (long[] checkpoint : checkpoints) {
        if (checkpoint[1] <= lockedMillis) {
          from = new long[] {checkpoint[0], lockedMillis};
        } else if (checkpoint[0] <= step && loggedMillis - checkpoint[1] >= LEAST_STRETCH_MILLIS) {
          from = checkpoint;
        }
      }
      long steps = step - from[0];
      double seconds = (loggedMillis - from[1]) / 1000.0;
      return steps > 0 && seconds > 0 ? new Pace(seconds / steps, steps) : UNMEASURED;
    }
  }

  /** The one-line error a stopped cell's training ended with, if its log's last line is one ("jgan train: ..."). */
  private static String lastError(Path dir) throws IOException {
    Path log = dir.resolve(ExperimentRunner.TRAIN_LOG);
    if (!Files.isRegularFile(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).trim();
      if (!line.isEmpty()) {
        return line.startsWith("jgan train: ") ? line : "";
      }
    }
    return "";
  }

  private static String describe(CellStatus cell) {
    String detail = cell.detail().isEmpty() ? "" : ": " + cell.detail();
    return switch (cell.state()) {
      case COMPLETE, NOT_STARTED -> cell.state().word;
      case SETTINGS_CHANGED -> cell.state().word + detail;
      case DIVERGED -> "diverged" + (cell.step() >= 0 ? " at step " + cell.step() : "") + detail;
      case TRAINED -> "trained (step " + count(cell.step()) + "), not evaluated yet";
      case STOPPED -> String.format(Locale.ROOT, "stopped at step %s of %s (%s); resumes from %s%s", count(cell.step()),
          count(cell.steps()), percent(cell), cell.checkpointStep() >= 0 ? "its checkpoint at step "
              + count(cell.checkpointStep()) : "the start (no checkpoint)", detail);
      case RUNNING -> running(cell);
    };
  }

  private static String running(CellStatus cell) {
    String who = "running (pid " + cell.process().getAsLong() + ")";
    if (cell.steps() < 0) {
      return who + ", " + cell.detail();
    }
    String at = String.format(Locale.ROOT, "%s: step %s of %s (%s)", who, count(cell.step()), count(cell.steps()),
        percent(cell));
    if (Double.isNaN(cell.pace().secondsPerStep())) {
      return at + ", speed not measured yet";
    }
    return String.format(Locale.ROOT, "%s, %s ms per step over its last %s steps, about %s left", at,
        milliseconds(cell.pace().secondsPerStep()), count(cell.pace().steps()), duration(cell.secondsLeft()));
  }

  private static String percent(CellStatus cell) {
    return cell.steps() > 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * cell.step() / cell.steps()) : "-";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String milliseconds(double seconds) {
    double ms = seconds * 1000;
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.3g", ms);
  }

  /** A time left as the largest two units: "3 h 12 min", "12 min", "40 s". */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return (s / 3600) + " h " + (s % 3600) / 60 + " min";
    }
    return s >= 60 ? Math.round(s / 60.0) + " min" : s + " s";
  }
}
