package org.jgan.tools.cli;

import org.jgan.data.fetch.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jgan.data.ImageFolder;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.Device;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.models.NamedArchitecture;
import org.jgan.graphs.models.Dcgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.losses.WganGp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.tools.run.GracefulStop;
import org.jgan.tools.run.Memory;
import org.jgan.training.JganVersion;
import org.jgan.training.RunConfig;
import org.jgan.tools.run.TrainingMemory;
import org.jgan.tools.run.TrainingRun;
import org.jgan.tools.figures.FigureFormat;
import org.jgan.training.RunModel;
import org.jgan.training.TrainingDefaults;
import org.jgan.training.TrainingSettings;

/** {@code jgan train}: trains one model and writes checkpoints, a loss log, pictures and its configuration. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a GAN and write its run folder.",
        "Writes into --out: config.json, log.jsonl (losses per step), checkpoints/, samples.png,",
        "tensorboard/ (event files) and, for 2-D mixtures, metrics.json (modes covered, high-quality share)."})
public final class TrainCommand implements Callable<Integer> {
  /** Sanity bound on --steps: a billion iterations take years here. */
  static final long MAX_STEPS = 1_000_000_000L;
  /** Sanity bound on --critic-steps (the largest any paper uses is WGAN's 100). */
  static final int MAX_CRITIC_STEPS = 10_000;
  /** Bound on --depth: every layer adds to the forward, gradient and second-order graphs built before step 1. */
  static final int MAX_DEPTH = 1_000;

  @Spec
  CommandSpec spec;

  @Option(names = "--objective", required = true, description = "gan | gan-ns | wgan | wgan-gp | ebgan | bgan | alpha-gan | bgan-discrete | bgan-reinforce | lsgan | hinge | ragan")
  String objective;

  @Option(names = "--dataset", defaultValue = TrainingSettings.DATASET, completionCandidates = DatasetNames.class,
      description = "${COMPLETION-CANDIDATES}; folder: every PNG/JPEG under --data (default: ${DEFAULT-VALUE})")
  String dataset;

  @Option(names = "--model", defaultValue = TrainingSettings.MODEL, completionCandidates = ArchitectureNames.class,
      description = "${COMPLETION-CANDIDATES}; dcgan32/64: --width is the base channel count; gan-mlp: the GAN paper's"
      + " maxout MLPs; resnet1d: text, --depth blocks (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--g-model", completionCandidates = ArchitectureNames.class,
      description = "the generator's architecture when it differs from --model's, which then builds every other network,"
      + " each sized as alone (the WGAN paper's MLP generator and DCGAN critic: --model dcgan28-bn --g-model mlp"
      + " --width 512 --depth 4) (default: --model)")
  String gModel;

  @Option(names = "--steps", defaultValue = "" + TrainingSettings.STEPS, description = "generator iterations (default: ${DEFAULT-VALUE})")
  long steps;

  @Option(names = "--out", required = true, description = "run folder")
  Path out;

  @Option(names = "--data", description = DataCommand.DATA_HELP + "; with --dataset folder, the folder of images itself")
  Path data;

  @Option(names = "--image-size", description = "--dataset folder: side the images are centre-cropped and resized to, 28 | 32 | 64 (default: "
      + TrainingDefaults.FOLDER_IMAGE_SIZE + ")")
  Integer imageSize;

  @Option(names = "--channels", description = "--dataset folder: 1 (grey) | 3 (colour) (default: " + TrainingDefaults.FOLDER_CHANNELS + ")")
  Integer channels;

  @Option(names = "--strict-images", description = "--dataset folder: refuse an undecodable image instead of skipping it")
  boolean strictImages;

  @Option(names = "--image-cache", description = "--dataset folder: where decoded folders are cached (default: the per-user cache's jgan/image-cache)")
  Path imageCache;

  @Option(names = "--seed", defaultValue = "" + TrainingSettings.SEED, description = "run seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--resume", description = "continue from the latest checkpoint in --out")
  boolean resume;

  @Option(names = "--batch", description = "batch size (default: " + TrainingDefaults.TOY_BATCH + " for 2-D sets, "
      + TrainingDefaults.IMAGE_BATCH + " for images)")
  Integer batch;

  @Option(names = "--z-dim", description = "dimension of z (default: " + TrainingDefaults.TOY_Z_DIM + " for 2-D sets, "
      + TrainingDefaults.IMAGE_Z_DIM + " for images)")
  Integer zDim;

  @Option(names = "--width", description = "MLP hidden width (default: " + TrainingDefaults.TOY_WIDTH + " for 2-D sets, "
      + TrainingDefaults.MLP_WIDTH + " for images); dcgan32/dcgan64: base channels (default: "
      + Dcgan.BASE + ")")
  Integer width;

  @Option(names = "--depth", description = "MLP hidden layers (default: " + TrainingDefaults.DEPTH + ")")
  Integer depth;

  @Option(names = "--g-width", description = "mlp: the generator's hidden width (default: --width)")
  Integer gWidth;

  @Option(names = "--g-depth", description = "mlp: the generator's hidden layers (default: --depth)")
  Integer gDepth;

  @Option(names = "--d-width", description = "mlp: the hidden width of every other network (discriminator, EBGAN's"
      + " encoder and decoder, alpha-GAN's encoder and code discriminator) (default: --width)")
  Integer dWidth;

  @Option(names = "--d-depth", description = "mlp: the hidden layers of every other network (EBGAN: of its encoder and"
      + " of its decoder each) (default: --depth)")
  Integer dDepth;

  @Option(names = "--d-dropout", description = "mlp: dropout at this rate after every hidden layer of every network but"
      + " the generator, in training steps (the EBGAN paper's dropoutD) (default: none)")
  Float dDropout;

  @Option(names = "--lr", description = "learning rate of every optimiser (default: the objective's paper value)")
  Float lr;

  @Option(names = "--lr-decay", description = "none | linear | exponential (divided by --lr-decay-factor per update, floored at --min-lr)"
      + " (default: linear for WGAN-GP on 2-D sets, else none)")
  String lrDecay;

  @Option(names = "--critic-steps", description = "critic updates per generator update (default: the objective's)")
  Integer criticSteps;

  @Option(names = "--gp-weight", description = "gradient-penalty weight: WGAN-GP lambda (default: " + WganGp.LAMBDA + "; "
      + WganGp.TOY_LAMBDA + " on 2-D sets, as in the reference toy script);"
      + " bgan, bgan-discrete, bgan-reinforce: gamma of the zero-centred penalty on real data, gamma E||grad_x V(x)||^2"
      + " (default: 0, off)")
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

  @Option(names = "--samples-per-z", description = "discrete BGAN samples M drawn per z (default: "
      + TrainingDefaults.SAMPLES_PER_Z + ")")
  Integer samplesPerZ;

  @Option(names = "--margin", description = "EBGAN margin m on the reconstruction-error energy (default: 10)")
  Float margin;

  @Option(names = "--pt-weight", description = "EBGAN pulling-away-term weight w_PT (default: 0.1)")
  Float ptWeight;

  @Option(names = "--recon-weight", description = "alpha-GAN reconstruction weight lambda on the per-pixel L1 error (default: 1; paper range 1 to 10)")
  Float reconWeight;

  @Option(names = "--threads", description = "TensorFlow intra-op threads (default: with --resume the run's own;"
      + " else 1 for a small model on a 2-D toy set, otherwise the available processors divided by --concurrent-runs)")
  Integer threads;

  @Option(names = "--concurrent-runs", defaultValue = "1", description = "runs sharing this machine's processors at"
      + " once, which the default --threads divides among them (default: ${DEFAULT-VALUE})")
  int concurrentRuns;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu | gpu: gpu places every op that has a GPU kernel"
      + " on /device:GPU:0 (needs the -Pgpu build and a GPU) (default: ${DEFAULT-VALUE})")
  String device;

  @Option(names = "--log-placement", description = "log the device TensorFlow places each op on (standard error)")
  boolean logPlacement;

  @Option(names = "--checkpoint-every", defaultValue = "" + TrainingRun.CHECKPOINT_EVERY, description = "iterations between checkpoints (default: ${DEFAULT-VALUE})")
  int checkpointEvery;

  @Option(names = "--checkpoint-minutes", defaultValue = "" + TrainingRun.CHECKPOINT_MINUTES,
      description = "most minutes of wall-clock time between checkpoints, on top of --checkpoint-every, so a run killed"
          + " without warning loses at most that; fractions allowed; 0 = by iterations alone (default: ${DEFAULT-VALUE})")
  double checkpointMinutes;

  @Option(names = "--log-every", defaultValue = "" + TrainingRun.LOG_EVERY, description = "iterations between log lines (default: ${DEFAULT-VALUE})")
  int logEvery;

  @Option(names = "--quality-every", defaultValue = "0",
      description = "iterations between in-training Parzen quality probes logged as quality/parzen; 0 = none (default: ${DEFAULT-VALUE})")
  int qualityEvery;

  @Option(names = "--ema", description = "decay d of a moving average of the generator's weights (e.g. 0.999), which samples,"
      + " figures, eval and export then use; zero-debiased as Adam's moments (default: none, the raw weights)")
  Float ema;

  @Option(names = "--spectral-norm", description = "spectrally normalise every weight layer of the critic"
      + " (discriminator, code discriminator): W / sigma(W), one power iteration per step (Miyato et al. 2018)")
  boolean spectralNorm;

  @Mixin
  GanRecipeOptions recipe = new GanRecipeOptions();

  @Mixin
  QualityProbeOptions quality = new QualityProbeOptions();

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
    require(!NamedDatasets.isFolder(dataset) || data != null,
        "--dataset folder needs --data DIR, the folder of PNG/JPEG images");
    quality.checkClassifierExists(spec.commandLine());
    Device placement = device();
    // Before the run folder is touched: a missing GPU leaves nothing behind.
    try {
      Sessions.requireAvailable(placement);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--device " + device + ": " + e.getMessage());
    }
    org.jgan.training.Towers towers = towers();
    PrintWriter console = spec.commandLine().getOut();
    try (GracefulStop stop = GracefulStop.install()) {
      Optional<String> stopped = new TrainingRun(config, out, resume, checkpointEvery, logEvery, dataDirectory(),
          quiet ? null : console, !noTensorBoard, qualityEvery, recipe.keepBest).noticesTo(spec.commandLine().getErr())
          .onDevice(placement, logPlacement).withQualityMetric(quality.metric, quality.classifier)
          .withFigureFormat(org.jgan.tools.figures.FigureFormat.parse(figureFormat, "--figure-format"))
          .withImageFolder(strictImages, imageCache, spec.commandLine().getErr()).withTowers(towers)
          .withCheckpointInterval(TrainingRun.minutes(checkpointMinutes)).run(stop);
      if (stopped.isPresent()) {
        // Before the stop is closed: a signal's shutdown ends the JVM as soon as the hook returns.
        spec.commandLine().getErr().println("jgan train: " + stopped.get());
        spec.commandLine().getErr().flush();
        return 1;
      }
    }
    return 0;
  }

  private Device device() {
    try {
      return Device.byId(device);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--device: " + e.getMessage());
    }
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
  public RunConfig resolve() {
    require(steps >= 0, "--steps must be at least 0, got " + steps);
    require(checkpointEvery >= 1, "--checkpoint-every must be at least 1, got " + checkpointEvery);
    require(checkpointMinutes >= 0 && Double.isFinite(checkpointMinutes),
        "--checkpoint-minutes must be 0 (off) or more, got " + checkpointMinutes);
    require(logEvery >= 1, "--log-every must be at least 1, got " + logEvery);
    require(qualityEvery >= 0, "--quality-every must be at least 0, got " + qualityEvery);
    require(Objectives.NAMES.contains(objective),
        "--objective: unknown objective '" + objective + "' (known: " + String.join(", ", Objectives.NAMES) + ")");
    require(NamedDatasets.NAMES.contains(dataset),
        "--dataset: unknown dataset '" + dataset + "' (known: " + String.join(", ", NamedDatasets.NAMES) + ")");
    String threadProblem = threads == null ? null : Sessions.threadCountProblem("--threads", threads);
    require(threadProblem == null, threadProblem);
    require(concurrentRuns >= 1, "--concurrent-runs must be at least 1, got " + concurrentRuns);
    require(NamedArchitecture.find(model).isPresent(), "--model: unknown model '" + model + "' (known: "
        + String.join(", ", NamedArchitecture.names()) + ")");
    require(gModel == null || NamedArchitecture.find(gModel).isPresent(), "--g-model: unknown model '" + gModel
        + "' (known: " + String.join(", ", NamedArchitecture.names()) + ")");
    requireImageFolderFlags();
    requireModelFitsDataset("--model", model);
    if (gModel != null) {
      requireModelFitsDataset("--g-model", gModel);
    }
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
    requireNetworkSizes();
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
    boolean discreteData = NamedDatasets.isDiscrete(dataset);
    require(discreteData ? Objectives.type(objective).acceptsDiscreteData() : !Objectives.isDiscrete(objective),
        discreteData ? "--dataset " + dataset + " is discrete: use --objective " + String.join(", ", Objectives.TYPES.stream()
            .filter(org.jgan.losses.ObjectiveType::acceptsDiscreteData).map(org.jgan.losses.ObjectiveType::name).toList())
            + " (wgan-gp relaxed: its critic reads the generator's probabilities)"
            : "--objective " + objective + " needs discrete data ("
            + String.join(", ", org.jgan.data.NamedDataset.discreteNames()) + "), not " + dataset);
    requireNonNegative("--margin", margin);
    requireNonNegative("--pt-weight", ptWeight);
    requireNonNegative("--recon-weight", reconWeight);
    require(ema == null || ema > 0f && ema < 1f, "--ema must be a decay above 0 and below 1, got " + ema);
    recipe.checkValues(spec.commandLine());
    RunConfig config;
    try {
      config = settings().resolve();
    } catch (IllegalArgumentException e) {
      // The library's refusals name their flag (a setting the objective does not read): a usage error.
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    recipe.check(spec.commandLine(), config, criticSteps, qualityEvery);
    quality.check(spec.commandLine(), dataset, qualityEvery, recipe.keepBest);
    checkSizes(config);
    requireTrainable(config);
    return config;
  }

  /** An architecture ({@code flag}'s value) built for sequences needs text, one built for images an image dataset. */
  private void requireModelFitsDataset(String flag, String name) {
    NamedArchitecture.Data data = NamedArchitecture.named(name).data();
    require(data != NamedArchitecture.Data.SEQUENCES || NamedDatasets.isText(dataset),
        flag + " " + name + " is for sequences (--dataset text), not " + dataset);
    require(data != NamedArchitecture.Data.IMAGES || !NamedDatasets.isToy(dataset),
        flag + " " + name + " needs an image dataset (mnist, fashion), not " + dataset);
  }

  /** The library's request for this command line: every flag given, null where not. */
  private TrainingSettings settings() {
    TrainingSettings settings = TrainingSettings.of(objective, dataset).model(model).steps(steps).seed(seed)
        .threads(threads).batchSize(batch).zDim(zDim).width(width).depth(depth).objectiveOptions(objectiveOptions())
        .lrDecay(lrDecay).prior(prior).pixelRange(pixelRange).divergence(divergence).samplesPerZ(samplesPerZ)
        .imageSize(imageSize).channels(channels).jganVersion(JganVersion.VERSION)
        .ema(ema).spectralNorm(spectralNorm ? Boolean.TRUE : null)
        .generatorWidth(gWidth).generatorDepth(gDepth).discriminatorWidth(dWidth).discriminatorDepth(dDepth)
        .discriminatorDropout(dDropout).generatorModel(gModel).concurrentRuns(concurrentRuns);
    if (resume) {
      settings.continuing(out);
    }
    return recipe.applyTo(settings);
  }

  /**
   * The objective's hyper-parameter flags, in the carrier every objective is built from; the
   * library resolves what is not given. (The learning-rate schedules travel by their own flags.)
   */
  private ObjectiveOptions objectiveOptions() {
    return new ObjectiveOptions(criticSteps, lr, false, gpWeight, clip, margin, ptWeight, reconWeight, null, null,
        recipe.dLossWeight, false);
  }

  /** The per-network sizes and dropout: in range, and only for a model that sizes its networks apart. */
  private void requireNetworkSizes() {
    require(dDropout == null || dDropout >= 0 && dDropout < 1, "--d-dropout must be in [0, 1), got " + dDropout);
    require(dDropout == null || NamedArchitecture.named(model).sizesNetworksApart(),
        "--d-dropout is for --model mlp; " + model + " has its own layers");
    String[] flags = {"--g-width", "--g-depth", "--d-width", "--d-depth"};
    Integer[] values = {gWidth, gDepth, dWidth, dDepth};
    for (int i = 0; i < flags.length; i++) {
      require(values[i] == null || values[i] >= 1, flags[i] + " must be at least 1, got " + values[i]);
      boolean generatorFlag = i < 2;
      if (generatorFlag && gModel != null && !gModel.equals(model)) {
        // The generator is an architecture of its own: its flags size it as --width and --depth would alone.
        require(values[i] == null || NamedArchitecture.named(gModel).sizesNetworksApart(),
            flags[i] + " is for an MLP generator (--g-model mlp); " + gModel + " has its own layers");
        continue;
      }
      require(values[i] == null || NamedArchitecture.named(model).sizesNetworksApart(),
          flags[i] + " is for --model mlp, whose generator and discriminator can be sized apart; " + model
              + " has one size (--width, --depth)");
    }
  }

  /** The image-folder flags: only with {@code --dataset folder}, and with sizes it can decode to. */
  private void requireImageFolderFlags() {
    boolean folder = NamedDatasets.isFolder(dataset);
    require(folder || (imageSize == null && channels == null && !strictImages && imageCache == null),
        "--image-size, --channels, --strict-images and --image-cache apply to --dataset folder only, not " + dataset);
    require(imageSize == null || ImageFolder.SIZES.contains(imageSize),
        "--image-size must be one of " + ImageFolder.SIZES + ", got " + imageSize);
    require(channels == null || channels == 1 || channels == 3, "--channels must be 1 or 3, got " + channels);
  }

  /** Refuses, before anything is written, an architecture the objective cannot train (WGAN-GP and a batch-norm critic). */
  private void requireTrainable(RunConfig config) {
    try {
      RunModel.spec(config).networkLayers();
    } catch (org.jgan.losses.OptionNotTakenException e) {
      require(false, e.getMessage()); // names its own flag
    } catch (IllegalArgumentException e) {
      String models = (gModel != null && !gModel.equals(model) ? "--g-model " + gModel + " with " : "") + "--model " + model;
      require(false, (spectralNorm ? "--spectral-norm with " : "") + models + ": " + e.getMessage());
    }
  }

  /**
   * Refuses sizes this machine cannot run, before any graph is built: absurd step counts or depths, or
   * a run whose estimated memory ({@link TrainingMemory}) exceeds the machine's.
   */
  private void checkSizes(RunConfig config) {
    TrainingDefaults d = TrainingDefaults.of(objective, dataset, model);
    require(steps <= MAX_STEPS, "--steps " + steps + " is more than " + MAX_STEPS + " (years of training)");
    require(criticSteps == null || criticSteps <= MAX_CRITIC_STEPS,
        "--critic-steps " + criticSteps + " is more than " + MAX_CRITIC_STEPS);
    // With the networks sized apart, the larger sizes bound the graph and the memory of both.
    int widest = Math.max(config.resolvedGeneratorWidth(), config.resolvedDiscriminatorWidth());
    int deepest = Math.max(config.resolvedGeneratorDepth(), config.resolvedDiscriminatorDepth());
    String depthFlag = gDepth != null && gDepth == deepest ? "--g-depth"
        : dDepth != null && dDepth == deepest ? "--d-depth" : "--depth";
    require(deepest <= MAX_DEPTH, depthFlag + " " + deepest + " is more than " + MAX_DEPTH + " layers");
    int perZ = config.samplesPerZ() != null ? config.samplesPerZ() : 1;
    TrainingMemory.Settings given = new TrainingMemory.Settings(config.batchSize(), config.zDim(), widest,
        deepest, perZ);
    TrainingMemory.Settings defaults = new TrainingMemory.Settings(d.batchSize(), d.zDim(), d.width(), d.depth(),
        config.samplesPerZ() != null ? TrainingDefaults.SAMPLES_PER_Z : 1);
    try {
      TrainingMemory.require(objective, config.resolvedGeneratorModel(), model, config.exampleShape(), given, defaults,
          Memory.machineBytes());
    } catch (IllegalArgumentException e) {
      String widthFlag = gWidth != null && gWidth == widest ? "--g-width"
          : dWidth != null && dWidth == widest ? "--d-width" : "--width";
      require(false, e.getMessage().replace("--width " + widest + " ", widthFlag + " " + widest + " ")
          .replace("--depth " + deepest + " ", depthFlag + " " + deepest + " "));
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

  /** The architecture names, listed in {@code --model}'s help from the registry. */
  static final class ArchitectureNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return NamedArchitecture.names().iterator();
    }
  }

  /** The dataset names, listed in {@code --dataset}'s help from the registry. */
  static final class DatasetNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return NamedDatasets.NAMES.iterator();
    }
  }
}
