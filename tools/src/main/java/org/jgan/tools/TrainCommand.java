package org.jgan.tools;

import org.jgan.data.fetch.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jgan.data.ImageFolder;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.models.Dcgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.Objectives;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan train}: trains one model and writes checkpoints, a loss log, pictures and its configuration. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a GAN and write its run folder.",
        "Writes into --out: config.json, log.jsonl (losses per step), checkpoints/, samples.png,",
        "tensorboard/ (event files) and, for 2-D mixtures, metrics.json (modes covered, high-quality share)."})
final class TrainCommand implements Callable<Integer> {
  /** Sanity bound on --steps: a billion iterations take years here. */
  static final long MAX_STEPS = 1_000_000_000L;
  /** Sanity bound on --critic-steps (the largest any paper uses is WGAN's 100). */
  static final int MAX_CRITIC_STEPS = 10_000;
  /** Bound on --depth: every layer adds to the forward, gradient and second-order graphs built before step 1. */
  static final int MAX_DEPTH = 1_000;
  private static final List<String> MODELS = Stream.concat(
      Stream.of("mlp", "dcgan28", "dcgan28-bn", "gan-mlp", "resnet1d"), Dcgan.NAMES.stream()).toList();

  @Spec
  CommandSpec spec;

  @Option(names = "--objective", required = true, description = "gan | gan-ns | wgan | wgan-gp | ebgan | bgan | alpha-gan | bgan-discrete | bgan-reinforce")
  String objective;

  @Option(names = "--dataset", defaultValue = "toy8", description = "toy8 | toy25 | swissroll | mnist | fashion | color-mnist | binary-mnist | quantized-mnist | text | cifar10"
      + " | folder (every PNG/JPEG under --data) (default: ${DEFAULT-VALUE})")
  String dataset;

  @Option(names = "--model", defaultValue = "mlp", description = "mlp | dcgan28 | dcgan28-bn | dcgan32 | dcgan32-bn | dcgan64 | dcgan64-bn (--width: base channels)"
      + " | gan-mlp (the GAN paper's maxout MLPs) | resnet1d (text: width, depth = blocks) (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--steps", defaultValue = "1200", description = "generator iterations (default: ${DEFAULT-VALUE})")
  long steps;

  @Option(names = "--out", required = true, description = "run folder")
  Path out;

  @Option(names = "--data", description = DataCommand.DATA_HELP + "; with --dataset folder, the folder of images itself")
  Path data;

  @Option(names = "--image-size", description = "--dataset folder: side the images are centre-cropped and resized to, 28 | 32 | 64 (default: "
      + Defaults.FOLDER_IMAGE_SIZE + ")")
  Integer imageSize;

  @Option(names = "--channels", description = "--dataset folder: 1 (grey) | 3 (colour) (default: " + Defaults.FOLDER_CHANNELS + ")")
  Integer channels;

  @Option(names = "--strict-images", description = "--dataset folder: refuse an undecodable image instead of skipping it")
  boolean strictImages;

  @Option(names = "--image-cache", description = "--dataset folder: where decoded folders are cached (default: the per-user cache's jgan/image-cache)")
  Path imageCache;

  @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--resume", description = "continue from the latest checkpoint in --out")
  boolean resume;

  @Option(names = "--batch", description = "batch size (default: 256 for 2-D sets, 64 for images)")
  Integer batch;

  @Option(names = "--z-dim", description = "dimension of z (default: 2 for 2-D sets, 100 for images)")
  Integer zDim;

  @Option(names = "--width", description = "MLP hidden width (default: 128 for 2-D sets, 512 for images); dcgan32/dcgan64: base channels (default: "
      + Dcgan.BASE + ")")
  Integer width;

  @Option(names = "--depth", description = "MLP hidden layers (default: 3)")
  Integer depth;

  @Option(names = "--lr", description = "learning rate of every optimiser (default: the objective's paper value)")
  Float lr;

  @Option(names = "--lr-decay", description = "none | linear | exponential (divided by --lr-decay-factor per update, floored at --min-lr)"
      + " (default: linear for WGAN-GP on 2-D sets, else none)")
  String lrDecay;

  @Option(names = "--critic-steps", description = "critic updates per generator update (default: the objective's)")
  Integer criticSteps;

  @Option(names = "--gp-weight", description = "gradient-penalty weight: WGAN-GP lambda (default: 10; 0.1 on 2-D sets, as in the reference toy script);"
      + " bgan: gamma of the zero-centred penalty on real data, gamma E||grad_x V(x)||^2 (default: 0, off)")
  Float gpWeight;

  @Option(names = "--clip", description = "WGAN weight-clipping bound (default: 0.01)")
  Float clip;

  @Option(names = "--prior", description = "normal | uniform (U[-1, 1]) | uniform-unit-variance (U(-sqrt 3, sqrt 3), the GAN paper's MNIST noise):"
      + " the distribution of z (default: uniform for gan-mlp, else normal)")
  String prior;

  @Option(names = "--pixel-range", description = "signed | unit: images in [-1, 1] with a tanh generator or [0, 1] with a sigmoid"
      + " (default: unit for gan-mlp, else signed)")
  String pixelRange;

  @Option(names = "--divergence", description = "discrete BGAN f-divergence: gan | js | kl | rkl | hellinger | chi2 (default: gan)")
  String divergence;

  @Option(names = "--samples-per-z", description = "discrete BGAN samples M drawn per z (default: 20)")
  Integer samplesPerZ;

  @Option(names = "--margin", description = "EBGAN margin m on the reconstruction-error energy (default: 10)")
  Float margin;

  @Option(names = "--pt-weight", description = "EBGAN pulling-away-term weight w_PT (default: 0.1)")
  Float ptWeight;

  @Option(names = "--recon-weight", description = "alpha-GAN reconstruction weight lambda on the per-pixel L1 error (default: 1; paper range 1 to 10)")
  Float reconWeight;

  @Option(names = "--threads", defaultValue = "2", description = "TensorFlow intra-op threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--checkpoint-every", defaultValue = "500", description = "iterations between checkpoints (default: ${DEFAULT-VALUE})")
  int checkpointEvery;

  @Option(names = "--log-every", defaultValue = "10", description = "iterations between log lines (default: ${DEFAULT-VALUE})")
  int logEvery;

  @Option(names = "--quality-every", defaultValue = "0",
      description = "iterations between in-training Parzen quality probes logged as quality/parzen; 0 = none (default: ${DEFAULT-VALUE})")
  int qualityEvery;

  @Mixin
  GanRecipeOptions recipe = new GanRecipeOptions();

  @Option(names = "--quiet", description = "no progress output")
  boolean quiet;

  @Option(names = "--figure-format", defaultValue = "png", description = org.jgan.tools.figures.FigureFormat.HELP
      + "; only the 2-D scatter plot gets a vector copy (an image grid is pixels)")
  String figureFormat;

  @Option(names = "--cluster", description = "train on a TensorFlow cluster's workers, one tower per worker task, each on its"
      + " slice of the batch (variables on the ps task, else worker 0); start each task with 'jgan server' first")
  Path cluster;

  @Option(names = "--cluster-timeout", description = "--cluster: seconds a training step may take before the run stops,"
      + " naming the task that stopped answering (default: " + org.jgan.training.Towers.DEFAULT_TIMEOUT_SECONDS + ")")
  Integer clusterTimeout;

  @Option(names = "--devices", description = "train one tower per device of this machine, e.g. gpu:0,gpu:1 or cpu:0,cpu:1")
  String devices;

  @Option(names = "--no-tensorboard", description = "write no TensorBoard events (default: losses and sample pictures into --out/tensorboard)")
  boolean noTensorBoard;

  @Override
  public Integer call() throws Exception {
    RunConfig config = resolve();
    // Checked here, not in resolve(): experiment files are checked without the --data the sweep passes.
    require(!dataset.equals(NamedDatasets.FOLDER) || data != null,
        "--dataset folder needs --data DIR, the folder of PNG/JPEG images");
    org.jgan.training.Towers towers = towers();
    PrintWriter console = spec.commandLine().getOut();
    try (GracefulStop stop = GracefulStop.install()) {
      Optional<String> stopped = new TrainingRun(config, out, resume, checkpointEvery, logEvery, dataDirectory(),
          quiet ? null : console, !noTensorBoard, qualityEvery, recipe.keepBest).noticesTo(spec.commandLine().getErr())
          .withFigureFormat(org.jgan.tools.figures.FigureFormat.parse(figureFormat, "--figure-format"))
          .withImageFolder(strictImages, imageCache, spec.commandLine().getErr()).withTowers(towers).run(stop);
      if (stopped.isPresent()) {
        // Before the stop is closed: a signal's shutdown ends the JVM as soon as the hook returns.
        spec.commandLine().getErr().println("jgan train: " + stopped.get());
        spec.commandLine().getErr().flush();
        return 1;
      }
    }
    return 0;
  }

  /** The towers --cluster or --devices asks for, or null for one graph in this process. */
  private org.jgan.training.Towers towers() throws java.io.IOException {
    require(cluster == null || devices == null, "--cluster and --devices exclude each other");
    require(clusterTimeout == null || cluster != null, "--cluster-timeout needs --cluster");
    if (cluster != null) {
      org.jgan.training.Towers towers = org.jgan.training.Towers.ofCluster(org.jgan.graphs.cluster.ClusterSpec.read(cluster));
      return clusterTimeout == null ? towers : towers.withTimeout(clusterTimeout);
    }
    return devices == null ? null : org.jgan.training.Towers.ofDevices(devices);
  }

  /** Checks every flag and resolves the defaults; bad values throw a ParameterException naming the flag. */
  RunConfig resolve() {
    require(steps >= 0, "--steps must be at least 0, got " + steps);
    require(threads >= 1, "--threads must be at least 1, got " + threads);
    require(checkpointEvery >= 1, "--checkpoint-every must be at least 1, got " + checkpointEvery);
    require(logEvery >= 1, "--log-every must be at least 1, got " + logEvery);
    require(qualityEvery >= 0, "--quality-every must be at least 0, got " + qualityEvery);
    require(Objectives.NAMES.contains(objective),
        "--objective: unknown objective '" + objective + "' (known: " + String.join(", ", Objectives.NAMES) + ")");
    require(NamedDatasets.NAMES.contains(dataset),
        "--dataset: unknown dataset '" + dataset + "' (known: " + String.join(", ", NamedDatasets.NAMES) + ")");
    require(MODELS.contains(model), "--model: unknown model '" + model + "' (known: " + String.join(", ", MODELS) + ")");
    requireImageFolderFlags();
    require(!model.equals("resnet1d") || NamedDatasets.isText(dataset),
        "--model resnet1d is for sequences (--dataset text), not " + dataset);
    require(prior == null || List.of("normal", "uniform", "uniform-unit-variance").contains(prior),
        "--prior must be normal, uniform or uniform-unit-variance, got '" + prior + "'");
    require(pixelRange == null || pixelRange.equals("signed") || pixelRange.equals("unit"),
        "--pixel-range must be signed or unit, got '" + pixelRange + "'");
    require(lrDecay == null || List.of("none", "linear", "exponential").contains(lrDecay),
        "--lr-decay must be none, linear or exponential, got '" + lrDecay + "'");
    require(batch == null || batch >= 1, "--batch must be at least 1, got " + batch);
    require(zDim == null || zDim >= 1, "--z-dim must be at least 1, got " + zDim);
    require(width == null || width >= 1, "--width must be at least 1, got " + width);
    require(depth == null || depth >= 1, "--depth must be at least 1, got " + depth);
    requirePositive("--lr", lr);
    require(criticSteps == null || criticSteps >= 1, "--critic-steps must be at least 1, got " + criticSteps);
    requireNonNegative("--gp-weight", gpWeight);
    requirePositive("--clip", clip);
    require(samplesPerZ == null || samplesPerZ >= 1, "--samples-per-z must be at least 1, got " + samplesPerZ);
    if (divergence != null) {
      try {
        FDivergence.byId(divergence);
      } catch (IllegalArgumentException e) {
        require(false, "--divergence: " + e.getMessage());
      }
    }
    require(Objectives.isDiscrete(objective) == NamedDatasets.isDiscrete(dataset),
        Objectives.isDiscrete(objective) ? "--objective " + objective + " needs discrete data (binary-mnist, text), not " + dataset
            : "--dataset " + dataset + " is discrete: use --objective bgan-discrete or bgan-reinforce");
    requireNonNegative("--margin", margin);
    requireNonNegative("--pt-weight", ptWeight);
    requireNonNegative("--recon-weight", reconWeight);
    if (!model.equals("mlp") && !model.equals("resnet1d")) {
      require(!NamedDatasets.isToy(dataset), "--model " + model + " needs an image dataset (mnist, fashion), not " + dataset);
    }
    Defaults.Training d = Defaults.training(dataset, objective, model);
    boolean folder = dataset.equals(NamedDatasets.FOLDER);
    String decay = lrDecay != null ? lrDecay : d.linearDecay() ? "linear" : "none";
    String pixels = pixelRange != null ? pixelRange : d.pixelRange();
    GanRecipeOptions.Resolved r = recipe.resolve(spec.commandLine(), objective, dataset, model, decay, criticSteps, pixels,
        qualityEvery);
    RunConfig config = new RunConfig(objective, dataset, model, steps, seed, or(batch, d.batchSize()), or(zDim, d.zDim()),
        or(width, d.width()), or(depth, d.depth()), lr != null ? lr : d.learningRate(), decay, criticSteps,
        gpWeight != null ? gpWeight : d.gpWeight(), clip, prior != null ? prior : d.prior(),
        pixelRange != null ? pixelRange : d.pixelRange(), threads, Jgan.VERSION, margin, ptWeight, reconWeight,
        Objectives.isDiscrete(objective) ? (divergence != null ? divergence : "gan") : null,
        Objectives.isDiscrete(objective) ? (samplesPerZ != null ? samplesPerZ : Defaults.SAMPLES_PER_Z) : null,
        r.optimizer(), r.momentum(), r.finalMomentum(), r.momentumRamp(), r.lrDecayFactor(), r.minLr(), r.dLossWeight(),
        r.schedule(), r.outputBias(),
        folder ? or(imageSize, Defaults.FOLDER_IMAGE_SIZE) : null, folder ? or(channels, Defaults.FOLDER_CHANNELS) : null);
    checkSizes(config, d);
    requireTrainable(config);
    return config;
  }

  /** The image-folder flags: only with {@code --dataset folder}, and with sizes it can decode to. */
  private void requireImageFolderFlags() {
    boolean folder = dataset.equals(NamedDatasets.FOLDER);
    require(folder || (imageSize == null && channels == null && !strictImages && imageCache == null),
        "--image-size, --channels, --strict-images and --image-cache apply to --dataset folder only, not " + dataset);
    require(imageSize == null || ImageFolder.SIZES.contains(imageSize),
        "--image-size must be one of " + ImageFolder.SIZES + ", got " + imageSize);
    require(channels == null || channels == 1 || channels == 3, "--channels must be 1 or 3, got " + channels);
  }

  /** Refuses, before anything is written, an architecture the objective cannot train (WGAN-GP and a batch-norm critic). */
  private void requireTrainable(RunConfig config) {
    try {
      TrainingRun.modelSpec(config).networkLayers();
    } catch (IllegalArgumentException e) {
      require(false, "--model " + model + ": " + e.getMessage());
    }
  }

  /**
   * Refuses sizes this machine cannot run, before any graph is built: more threads than
   * {@link Sessions#maxThreads()}, absurd step counts or depths, or a run whose estimated memory
   * ({@link TrainingMemory}) exceeds the machine's.
   */
  private void checkSizes(RunConfig config, Defaults.Training d) {
    require(threads <= Sessions.maxThreads(), Sessions.tooManyThreads("--threads", threads));
    require(steps <= MAX_STEPS, "--steps " + steps + " is more than " + MAX_STEPS + " (years of training)");
    require(criticSteps == null || criticSteps <= MAX_CRITIC_STEPS,
        "--critic-steps " + criticSteps + " is more than " + MAX_CRITIC_STEPS);
    require(config.depth() <= MAX_DEPTH, "--depth " + config.depth() + " is more than " + MAX_DEPTH + " layers");
    int perZ = config.samplesPerZ() != null ? config.samplesPerZ() : 1;
    TrainingMemory.Settings given = new TrainingMemory.Settings(config.batchSize(), config.zDim(), config.width(),
        config.depth(), perZ);
    TrainingMemory.Settings defaults = new TrainingMemory.Settings(d.batchSize(), d.zDim(), d.width(), d.depth(),
        config.samplesPerZ() != null ? Defaults.SAMPLES_PER_Z : 1);
    try {
      TrainingMemory.require(objective, model, config.exampleShape(), given, defaults,
          Memory.machineBytes());
    } catch (IllegalArgumentException e) {
      require(false, e.getMessage());
    }
  }

  private Path dataDirectory() {
    return DataDirectory.orDefault(data);
  }


  private void require(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /** A float flag, when given, must be finite and above 0 (Infinity and NaN parse as floats). */
  private void requirePositive(String flag, Float value) {
    require(value == null || Float.isFinite(value) && value > 0, flag + " must be a finite number above 0, got " + value);
  }

  /** A float flag, when given, must be finite and at least 0. */
  private void requireNonNegative(String flag, Float value) {
    require(value == null || Float.isFinite(value) && value >= 0, flag + " must be a finite number at least 0, got " + value);
  }

  private static int or(Integer value, int fallback) {
    return value != null ? value : fallback;
  }

  static Architecture architecture(RunConfig config) {
    if (Dcgan.NAMES.contains(config.model())) {
      return Dcgan.named(config.model(), config.width());
    }
    return switch (config.model()) {
      case "mlp" -> new org.jgan.graphs.models.Mlp(config.width(), config.depth());
      case "resnet1d" -> new org.jgan.graphs.models.ResNet1d(config.width(), config.depth());
      default -> Architecture.named(config.model());
    };
  }
}
