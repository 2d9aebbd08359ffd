package org.jgan.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jgan.data.BatchSource;
import org.jgan.data.DataException;
import org.jgan.data.Dataset;
import org.jgan.data.PixelMarginals;
import org.jgan.data.Split;
import org.jgan.graphs.models.GanPaperMlp;
import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelRange;
import org.jgan.data.Seeds;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ToyMetrics;
import org.jgan.graphs.AtomicFiles;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.FolderLock;
import org.jgan.graphs.layers.Activation;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.training.ModelSpec;
import org.jgan.training.NonFiniteTrainingException;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/** One training run into a folder: fresh or resumed, with its log, checkpoints, pictures and metrics. */
final class TrainingRun {
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
  private final boolean keepBest;
  private org.jgan.tools.figures.FigureFormat figureFormat = org.jgan.tools.figures.FigureFormat.PNG;
  private boolean strictImages;
  private Path imageCache;
  private PrintWriter errors;
  private org.jgan.training.Towers towers;

  TrainingRun(RunConfig config, Path out, boolean resume, int checkpointEvery, int logEvery, Path dataDir,
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
  TrainingRun withFigureFormat(org.jgan.tools.figures.FigureFormat format) {
    this.figureFormat = format;
    return this;
  }

  /** Where to say which damaged checkpoints a resume skipped (standard error unless set). */
  TrainingRun noticesTo(PrintWriter err) {
    this.notices = err;
    return this;
  }

  /**
   * How an image folder is read: {@code strict} refuses an undecodable image rather than skipping
   * it; decoded folders are cached in {@code cache} (null: the per-user image cache); skipped
   * files are reported on {@code errors}.
   */
  TrainingRun withImageFolder(boolean strict, Path cache, PrintWriter errors) {
    this.strictImages = strict;
    this.imageCache = cache;
    this.errors = errors;
    return this;
  }

  /** Trains replicated over {@code towers} (synchronous data parallelism); null, the default: one graph here. */
  TrainingRun withTowers(org.jgan.training.Towers towers) {
    this.towers = towers;
    return this;
  }

  /** The model a configuration describes. */
  static ModelSpec modelSpec(RunConfig config) {
    boolean toy = NamedDatasets.isToy(config.dataset());
    ObjectiveOptions options = new ObjectiveOptions(config.criticSteps(), config.learningRate(),
        config.lrDecay().equals("linear"), config.gpWeight(), config.clip(), config.margin(), config.ptWeight(),
        config.reconWeight(), GanRecipeOptions.momentumRamp(config), GanRecipeOptions.exponentialDecay(config),
        config.dLossWeight(), "simultaneous".equals(config.schedule()));
    Objective objective = Objectives.isDiscrete(config.objective())
        ? Objectives.discrete(config.objective(), options,
            NamedDatasets.isMultinomial(config.dataset()) ? DiscreteBgan.Kind.MULTINOMIAL : DiscreteBgan.Kind.BINARY,
            FDivergence.byId(config.divergence()), config.samplesPerZ())
        : Objectives.named(config.objective(), options);
    return new ModelSpec(objective, TrainCommand.architecture(config),
        config.exampleShape(),
        toy ? Activation.identity() : unitPixels(config) ? Activation.sigmoid() : Activation.tanh(),
        new NoisePrior(NoisePrior.Kind.byId(config.prior()), config.zDim()),
        config.batchSize(), config.seed());
  }

  /**
   * The model to train: {@link #modelSpec} with, for {@code --output-bias marginals}, the generator's
   * output biases computed from the training split's pixel means.
   */
  static ModelSpec trainingSpec(RunConfig config, Path dataDir) {
    ModelSpec spec = modelSpec(config);
    if (!"marginals".equals(config.outputBias())) {
      return spec;
    }
    if (dataDir == null) {
      throw new DataException("--output-bias marginals needs the training data: pass --data DIR or set JGAN_DATA");
    }
    Dataset train = NamedDatasets.evaluationSplit(config.dataset(), dataDir, Split.TRAIN);
    return spec.withArchitecture(((GanPaperMlp) spec.architecture()).withOutputBias(PixelMarginals.sigmoidBias(train)));
  }

  /** Whether the run's images are in [0, 1] (sigmoid generator) rather than [-1, 1] (tanh). */
  static boolean unitPixels(RunConfig config) {
    return "unit".equals(config.pixelRange());
  }

  /** The lowest pixel value of the run's images: 0 or -1. */
  static float pixelLow(RunConfig config) {
    return unitPixels(config) ? 0f : -1f;
  }

  /**
   * Trains, holding the run folder's lock. Returns empty at the end of the run, or, when {@code stop}
   * stopped the loop early, after saving a checkpoint where it stopped: then a line saying where and
   * how to continue.
   */
  Optional<String> run(GracefulStop stop) throws Exception {
    try (FolderLock lock = FolderLock.acquire(out)) {
      return train(stop);
    }
  }

  private Optional<String> train(GracefulStop stop) throws Exception {
    CheckpointStore store = new CheckpointStore(out.resolve("checkpoints"), Defaults.KEEP_CHECKPOINTS);
    Path configFile = out.resolve("config.json");
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

    PixelRange range = unitPixels(config) ? PixelRange.ZERO_ONE : PixelRange.MINUS_ONE_ONE;
    BatchSource data = config.dataset().equals(NamedDatasets.FOLDER)
        ? FolderTraining.batches(config, dataDir, strictImages, imageCache, range, console, errors)
        : NamedDatasets.trainingBatches(config.dataset(), dataDir, config.batchSize(), Seeds.derive(config.seed(), "data"),
            range);
    try (Trainer trainer = new Trainer(trainingSpec(config, dataDir), data, config.threads(), towers)) {
      stop.attach(trainer);
      if (resume && trainer.restoreLatest(store, this::notice)) {
        say("resumed " + out + " at step " + trainer.state().iteration());
      }
      long start = trainer.state().iteration();
      try (JsonLinesLog log = new JsonLinesLog(out.resolve("log.jsonl"), start);
          TensorBoardListener board = tensorBoard ? new TensorBoardListener(out.resolve("tensorboard"), config.dataset(),
              pixelLow(config),
              config.seed(), logEvery, checkpointEvery, config.steps()) : null) {
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new LoopTimer(out.resolve(LoopTimer.FILE), start));
        if (qualityEvery > 0) {
          // First, so the log and TensorBoard see the quality it adds to the iteration's metrics.
          listeners.add(QualityProbe.forRun(config, dataDir, qualityEvery, keepBest));
          if (keepBest) {
            listeners.add(BestCheckpoint.open(out, config));
          }
        }
        listeners.add((t, metrics) -> {
          long step = t.state().iteration();
          if (step % logEvery == 0 || step == config.steps() || metrics.containsKey(QualityProbe.KEY)) {
            log.append(step, metrics);
          }
        });
        listeners.add((t, metrics) -> {
          if (t.state().iteration() % checkpointEvery == 0) {
            t.save(store);
          }
        });
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
        trainer.save(store);
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
      throw e.withNote(store.latest().map(c -> "the last finite checkpoint, " + c.folder() + ", stays the latest")
          .orElse("no checkpoint was written"));
    } catch (org.tensorflow.exceptions.TensorFlowException e) {
      throw towers == null ? e : towers.failure(e);
    }
  }

  private void finish(Trainer trainer) throws IOException {
    int count = Defaults.SAMPLE_COUNT;
    float[] samples = trainer.sample(count, 0);
    Path picture = out.resolve("samples.png");
    if (NamedDatasets.isToy(config.dataset())) {
      ToyDistribution toy = ToyDistribution.byId(config.dataset());
      float[] real = toy.sample(new SplittableRandom(Seeds.derive(config.seed(), "plot")), count);
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
        AtomicFiles.writeString(out.resolve("metrics.json"),
            new com.google.gson.GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create().toJson(metrics) + "\n");
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
    } else if (config.dataset().equals("quantized-mnist")) {
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
    say("wrote " + picture + ", " + out.resolve("log.jsonl") + ", " + out.resolve("checkpoints"));
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
