package org.jgan.tools.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import org.jgan.data.BatchSource;
import org.jgan.data.NamedDatasets;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ToyMetrics;
import org.jgan.graphs.AtomicFiles;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.Device;
import org.jgan.graphs.FolderLock;
import org.jgan.graphs.SessionSettings;
import org.jgan.training.CheckpointSchedule;
import org.jgan.training.DataSeeds;
import org.jgan.training.NonFiniteTrainingException;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;
import org.jgan.training.TrainingDefaults;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;
import org.jgan.tools.progress.Progress;
import org.jgan.tools.figures.FigureFormat;

/** One training run into a folder: fresh or resumed, with its log, checkpoints, pictures and metrics. */
public final class TrainingRun {
  /** Iterations between checkpoints when {@code --checkpoint-every} is not given. */
  public static final int CHECKPOINT_EVERY = 500;
  /**
   * The most wall-clock time between checkpoints when {@code --checkpoint-minutes} is not given:
   * TensorFlow's estimators save every 600 s by default, for the same reason (a run killed without
   * warning loses at most that).
   */
  public static final double CHECKPOINT_MINUTES = 10;
  /** Iterations between log lines when {@code --log-every} is not given. */
  public static final int LOG_EVERY = 10;
  /** Checkpoints of each kind (regular, interim) kept in a run folder (the oldest go first). */
  public static final int KEEP_CHECKPOINTS = 3;
  /** The run folder's checkpoint store. */
  public static final String CHECKPOINTS = "checkpoints";

  private final RunConfig config;
  private final Path out;
  private final boolean resume;
  private final int checkpointEvery;
  private final int logEvery;
  private final Path dataDir;
  private final PrintWriter console;
  private final boolean tensorBoard;
  private final int qualityEvery;
  private PrintWriter notices = new PrintWriter(System.err, true);
  private Device device = Device.CPU;
  private boolean logPlacement;
  private final boolean keepBest;
  private org.jgan.tools.figures.FigureFormat figureFormat = org.jgan.tools.figures.FigureFormat.PNG;
  private boolean strictImages;
  private Path imageCache;
  private PrintWriter errors;
  private String qualityMetric = QualityProbe.METRIC;
  private Path qualityClassifier;
  private org.jgan.training.Towers towers;
  private Duration checkpointInterval = minutes(CHECKPOINT_MINUTES);

  public TrainingRun(RunConfig config, Path out, boolean resume, int checkpointEvery, int logEvery, Path dataDir,
      PrintWriter console, boolean tensorBoard, int qualityEvery, boolean keepBest) {
    this.qualityEvery = qualityEvery;
    this.keepBest = keepBest;
    this.config = config;
    this.out = out;
    this.resume = resume;
    this.checkpointEvery = checkpointEvery;
    this.logEvery = logEvery;
    this.dataDir = dataDir;
    this.console = console;
    this.tensorBoard = tensorBoard;
  }

  /** The format of the 2-D scatter plot's vector copy (PNG only unless set). */
  public TrainingRun withFigureFormat(org.jgan.tools.figures.FigureFormat format) {
    this.figureFormat = format;
    return this;
  }

  /** Runs the session on {@code device}, logging each op's placement when {@code logPlacement} (CPU, unlogged, unless set). */
  public TrainingRun onDevice(Device device, boolean logPlacement) {
    this.device = device;
    this.logPlacement = logPlacement;
    return this;
  }

  /** Where to say which damaged checkpoints a resume skipped (standard error unless set). */
  public TrainingRun noticesTo(PrintWriter err) {
    this.notices = err;
    return this;
  }

  /**
   * How an image folder is read: {@code strict} refuses an undecodable image rather than skipping
   * it; decoded folders are cached in {@code cache} (null: the per-user image cache); skipped
   * files are reported on {@code errors}.
   */
  public TrainingRun withImageFolder(boolean strict, Path cache, PrintWriter errors) {
    this.strictImages = strict;
    this.imageCache = cache;
    this.errors = errors;
    return this;
  }

  /**
   * Which registered metric {@code --quality-every} scores ({@value QualityProbe#METRIC} unless
   * set), with the metric classifier's folder for those that need one (or null).
   */
  public TrainingRun withQualityMetric(String metric, Path classifier) {
    this.qualityMetric = metric;
    this.qualityClassifier = classifier;
    return this;
  }

  /**
   * Saves a checkpoint whenever {@code interval} of wall-clock time has passed since the last one, as
   * well as every {@code checkpointEvery} iterations ({@value #CHECKPOINT_MINUTES} minutes unless set;
   * {@link Duration#ZERO}: by iterations alone).
   */
  public TrainingRun withCheckpointInterval(Duration interval) {
    this.checkpointInterval = interval;
    return this;
  }

  /** {@code minutes} (fractions allowed) as a duration, to the nanosecond. */
  public static Duration minutes(double minutes) {
    return Duration.ofNanos(Math.round(minutes * 60e9));
  }

  /** Trains replicated over {@code towers} (synchronous data parallelism); null, the default: one graph here. */
  public TrainingRun withTowers(org.jgan.training.Towers towers) {
    this.towers = towers;
    return this;
  }

  /** The lowest pixel value of the run's images: 0 or -1. */
  static float pixelLow(RunConfig config) {
    return RunModel.unitPixels(config) ? 0f : -1f;
  }

  /**
   * Trains, holding the run folder's lock. Returns empty at the end of the run, or, when {@code stop}
   * stopped the loop early, after saving a checkpoint where it stopped: then a line saying where and
   * how to continue.
   */
  public Optional<String> run(GracefulStop stop) throws Exception {
    try (FolderLock lock = FolderLock.acquire(out)) {
      return train(stop);
    }
  }

  private Optional<String> train(GracefulStop stop) throws Exception {
    CheckpointStore store = new CheckpointStore(out.resolve(CHECKPOINTS), KEEP_CHECKPOINTS);
    Path configFile = RunConfig.in(out);
    if (resume) {
      if (Files.exists(configFile)) {
        config.requireResumableFrom(configFile);
      } else if (store.latest().isPresent()) {
        throw new IllegalArgumentException("cannot resume: " + configFile + " is missing, so nothing says how the"
            + " checkpoints were trained; restore it, or start a new run in another folder");
      }
    } else if (store.latest().isPresent()) {
      throw new IllegalArgumentException("--out " + out + " already holds a run; pass --resume to continue it"
          + " or choose another folder");
    }
    config.write(configFile);
    DivergedRun.clear(out); // a run that trains again has not diverged yet

    BatchSource data = NamedDatasets.isFolder(config.dataset())
        ? FolderTraining.batches(config, dataDir, strictImages, imageCache, console, errors)
        : RunModel.batches(config, dataDir);
    SessionSettings settings = new SessionSettings(config.threads(), device, logPlacement);
    try (Trainer trainer = towers == null ? new Trainer(RunModel.trainingSpec(config, dataDir), data, settings)
        : new Trainer(RunModel.trainingSpec(config, dataDir), data, settings, towers)) {
      stop.attach(trainer);
      if (resume && trainer.restoreLatest(store, this::notice)) {
        say("resumed " + out + " at step " + trainer.state().iteration());
      }
      long start = trainer.state().iteration();
      try (MetricQualityProbe metricProbe = qualityEvery > 0 && !qualityMetric.equals(QualityProbe.METRIC)
              ? MetricQualityProbe.forRun(config, dataDir, qualityEvery, qualityMetric, qualityClassifier,
                  this::notice) : null;
          JsonLinesLog log = new JsonLinesLog(out.resolve(JsonLinesLog.FILE), start);
          TensorBoardListener board = tensorBoard ? new TensorBoardListener(out.resolve("tensorboard"), config.dataset(),
              pixelLow(config),
              config.seed(), logEvery, checkpointEvery, config.steps()) : null) {
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new LoopTimer(out.resolve(LoopTimer.FILE), start));
        if (metricProbe != null) {
          // First, so the log and TensorBoard see the quality it adds to the iteration's metrics.
          listeners.add(metricProbe);
        } else if (qualityEvery > 0) {
          listeners.add(QualityProbe.forRun(config, dataDir, qualityEvery, keepBest));
          if (keepBest) {
            listeners.add(BestCheckpoint.open(out, config));
          }
        }
        // A quality step's line carries the losses too: the phases' scalars are fetched there as well.
        LongPredicate logged = step -> step % logEvery == 0 || step == config.steps()
            || (qualityEvery > 0 && step % qualityEvery == 0);
        listeners.add(TrainingListener.wantingMetrics(logged, (t, metrics) -> {
          long step = t.state().iteration();
          if (step % logEvery == 0 || step == config.steps() || metrics.keySet().stream().anyMatch(k -> k.startsWith(MetricQualityProbe.PREFIX))) {
            log.append(step, metrics);
          }
        }));
        listeners.add(new CheckpointSchedule(store, checkpointEvery, checkpointInterval, System::nanoTime));
        if (board != null) {
          listeners.add(board);
        }
        if (console != null) {
          listeners.add(new Progress(console, start, config.steps(),
              System.console() != null));
        }
        trainer.trainUntil(config.steps(), listeners);
      }
      if (store.latest().map(c -> c.step() != trainer.state().iteration()).orElse(true)) {
        if (trainer.state().iteration() < config.steps()) {
          trainer.saveInterim(store); // where it stopped: it rotates out no regular checkpoint
        } else {
          trainer.save(store);
        }
      }
      if (trainer.stopRequested()) {
        if (console != null && System.console() != null) {
          say(""); // ends Progress's terminal line, which the stop cut short
        }
        return Optional.of("stopped at step " + trainer.state().iteration() + " of " + config.steps() + "; checkpoint "
            + store.latest().orElseThrow().folder() + " saved; to continue, run the same command with --resume");
      }
      finish(trainer);
      return Optional.empty();
    } catch (NonFiniteTrainingException e) {
      NonFiniteTrainingException noted = e.withNote(store.latest()
          .map(c -> "the last finite checkpoint, " + c.folder() + ", stays the latest").orElse("no checkpoint was written"));
      DivergedRun.of(noted).write(out);
      throw noted;
    } catch (org.tensorflow.exceptions.TensorFlowException e) {
      throw towers == null ? e : towers.failure(e);
    }
  }

  private void finish(Trainer trainer) throws IOException {
    int count = TrainingDefaults.SAMPLE_COUNT;
    float[] samples = trainer.sample(count, 0);
    Path picture = out.resolve("samples.png");
    if (NamedDatasets.isToy(config.dataset())) {
      ToyDistribution toy = ToyDistribution.byId(config.dataset());
      float[] real = toy.sample(new SplittableRandom(DataSeeds.plot(config.seed())), count);
      RunFigures.writeToyScatter(picture, config.objective() + " on " + config.dataset() + ", step "
          + trainer.state().iteration(), toy, real, samples, config.objective(), figureFormat);
      if (!toy.modes().isEmpty()) {
        ToyMetrics.Scores scores = ToyMetrics.of(toy).score(samples);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("step", trainer.state().iteration());
        metrics.put("samples", count);
        metrics.put("modes_covered", scores.modesCovered());
        metrics.put("modes", scores.modes());
        metrics.put("high_quality_share", scores.highQualityShare());
        metrics.put("mode_kl", Double.isNaN(scores.modeKl()) ? null : scores.modeKl());
        metrics.put("protocol", "nearest mode; high quality = within 3 std; covered = at least "
            + ToyMetrics.COVERAGE_SHARE + " x (samples / modes) high-quality samples");
        org.jgan.graphs.JsonFiles.write(out.resolve("metrics.json"), metrics);
        say("");
        say("| " + config.objective() + " on " + config.dataset() + ", step " + trainer.state().iteration()
            + " | value |");
        say("|---|---|");
        say(String.format("| modes covered | %d of %d |", scores.modesCovered(), scores.modes()));
        say(String.format("| high-quality share (within 3 std) | %.3f |", scores.highQualityShare()));
        say(String.format("| KL(mode histogram || uniform) | %.4f |", scores.modeKl()));
        say("");
      }
    } else if (NamedDatasets.isText(config.dataset())) {
      picture = out.resolve("samples.txt");
      AtomicFiles.writeLines(picture, org.jgan.data.TextSequences.decode(samples, Math.min(100, count)));
    } else if (NamedDatasets.hasPalette(config.dataset())) {
      int shown = Math.min(64, count);
      int[] shape = NamedDatasets.exampleShape(config.dataset());
      float[] grey = NamedDatasets.palette(config.dataset(), dataDir)
          .decode(java.util.Arrays.copyOf(samples, shown * shape[0] * shape[1] * shape[2]));
      Pictures.grid(picture, grey, shown, shape[0], shape[1], 1, 0f, 1f);
    } else {
      int[] shape = config.exampleShape();
      int shown = Math.min(64, count);
      float[] first = java.util.Arrays.copyOf(samples, shown * shape[0] * shape[1] * shape[2]);
      Pictures.grid(picture, first, shown, shape[0], shape[1], shape[2], pixelLow(config), 1f);
    }
    say("wrote " + picture + ", " + out.resolve(JsonLinesLog.FILE) + ", " + out.resolve(CHECKPOINTS));
  }

  private void notice(String line) {
    notices.println(line);
    notices.flush();
  }

  private void say(String line) {
    if (console != null) {
      console.println(line);
      console.flush();
    }
  }
}
