package org.jgan.training;

import org.jgan.data.NamedDatasets;
import org.jgan.graphs.optim.ExponentialDecay;
import java.nio.file.Path;
import java.util.Set;
import org.jgan.losses.FDivergence;
import org.jgan.losses.Hyperparameter;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;

/**
 * What a run asks for, resolved into the complete {@link RunConfig} that {@code jgan train} would
 * write: every setting left unset (null) takes its default here, from {@link TrainingDefaults} by
 * dataset, objective and architecture, or the objective's paper value. {@code jgan train} is this
 * class driven by flags, so
 * {@code TrainingSettings.of("wgan-gp", "toy8").seed(1).resolve()} is the configuration of
 * {@code jgan train --objective wgan-gp --dataset toy8 --seed 1}. Train it with {@link RunModel}.
 *
 * <p>Values are not range-checked here beyond what the objective and model check when built; the
 * command line checks its flags first. A setting the objective does not read (a gradient-penalty
 * weight for {@code gan}, a divergence for anything but discrete BGAN) is refused by
 * {@link #resolve()}, as the objective's {@link org.jgan.losses.ObjectiveType} lists them.
 */
public final class TrainingSettings {
  /** The dataset of a run that names none: 8 Gaussians, which needs no data files. */
  public static final String DATASET = "toy8";
  /** The architecture of a run that names none. */
  public static final String MODEL = "mlp";
  /** Generator iterations: enough for WGAN-GP to cover toy8's modes. */
  public static final long STEPS = 1200;
  /** The run seed every random stream derives from. */
  public static final long SEED = 1;
  /** Optimizer {@code momentum}: the GAN paper's initial momentum (mnist.yaml, init_momentum). */
  public static final float MOMENTUM = 0.5f;
  /** Optimizer {@code momentum}: the GAN paper's MomentumAdjustor start and saturate epochs. */
  public static final String MOMENTUM_RAMP = "1:250";
  /** Learning-rate decay {@code exponential}: the GAN paper's ExponentialDecay. */
  public static final ExponentialDecay EXPONENTIAL_DECAY = ExponentialDecay.GAN_PAPER_MNIST;

  private final String objective;
  private final String dataset;
  private String model;
  private String generatorModel;
  private Long steps;
  private Long seed;
  private Integer threads;
  private int concurrentRuns = 1;
  private Integer batchSize;
  private Integer zDim;
  private Integer width;
  private Integer depth;
  private Integer generatorWidth;
  private Integer generatorDepth;
  private Integer discriminatorWidth;
  private Integer discriminatorDepth;
  private Float discriminatorDropout;
  private ObjectiveOptions objectiveOptions = ObjectiveOptions.PAPER_DEFAULTS;
  private String lrDecay;
  private String prior;
  private String pixelRange;
  private String divergence;
  private Integer samplesPerZ;
  private String optimizer;
  private String generatorOptimizer;
  private Float momentum;
  private Float finalMomentum;
  private String momentumRamp;
  private Double lrDecayFactor;
  private Float minLr;
  private String schedule;
  private String outputBias;
  private Integer imageSize;
  private Integer channels;
  private String jganVersion;
  private Float ema;
  private Boolean spectralNorm;

  private TrainingSettings(String objective, String dataset) {
    this.objective = objective;
    this.dataset = dataset;
  }

  /**
   * A run of {@code objective} (one of {@link Objectives#NAMES}) on {@code dataset} (one of
   * {@link NamedDatasets#NAMES}; null for {@link #DATASET}), everything else at its default.
   */
  public static TrainingSettings of(String objective, String dataset) {
    return new TrainingSettings(objective, dataset != null ? dataset : DATASET);
  }

  /** The architecture ({@code mlp}, {@code dcgan28}, ...); null: {@link #MODEL}. */
  public TrainingSettings model(String value) { model = value; return this; }

  /**
   * The generator's architecture when it differs from {@link #model}'s, which then builds every
   * other network (the WGAN paper's MLP generator against a DCGAN critic); null: {@link #model}'s.
   */
  public TrainingSettings generatorModel(String value) { generatorModel = value; return this; }

  /** Generator iterations; unset: {@link #STEPS}. */
  public TrainingSettings steps(long value) { steps = value; return this; }

  /** The run seed; unset: {@link #SEED}. */
  public TrainingSettings seed(long value) { seed = value; return this; }

  /**
   * TensorFlow intra-op threads; null: {@link TrainingDefaults#threads} for the run's data and sizes
   * within its share of the processors ({@link #concurrentRuns}).
   */
  public TrainingSettings threads(Integer value) { threads = value; return this; }

  /**
   * How many runs share this machine's processors at once (default 1, the whole machine): an unset
   * thread count is this run's share, so that parallel runs do not oversubscribe the cores. A
   * count below 1 is refused.
   */
  public TrainingSettings concurrentRuns(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("concurrent runs " + value + " must be at least 1");
    }
    concurrentRuns = value;
    return this;
  }

  /**
   * These settings continue the run saved in {@code runDir}: an unset thread count becomes the
   * count the run was started with, since its numbers depend on it and a resume refuses a changed
   * configuration. Left unset where the folder holds no readable configuration: the resume itself
   * names the missing or damaged file.
   */
  public TrainingSettings continuing(Path runDir) {
    if (threads == null) {
      threads = RunConfig.savedThreads(runDir).orElse(null);
    }
    return this;
  }

  /** Examples per batch. */
  public TrainingSettings batchSize(Integer value) { batchSize = value; return this; }

  /** Dimension of z. */
  public TrainingSettings zDim(Integer value) { zDim = value; return this; }

  /** MLP hidden width, or DCGAN-32/64's base channel count. */
  public TrainingSettings width(Integer value) { width = value; return this; }

  /** MLP hidden layers (ResNet-1d: blocks). */
  public TrainingSettings depth(Integer value) { depth = value; return this; }

  /** MLP: the generator's hidden width; null: {@link #width}. */
  public TrainingSettings generatorWidth(Integer value) { generatorWidth = value; return this; }

  /** MLP: the generator's hidden layers; null: {@link #depth}. */
  public TrainingSettings generatorDepth(Integer value) { generatorDepth = value; return this; }

  /** MLP: the hidden width of every network but the generator; null: {@link #width}. */
  public TrainingSettings discriminatorWidth(Integer value) { discriminatorWidth = value; return this; }

  /** MLP: the hidden layers of every network but the generator; null: {@link #depth}. */
  public TrainingSettings discriminatorDepth(Integer value) { discriminatorDepth = value; return this; }

  /** MLP: the dropout rate after every hidden layer of every network but the generator; null: none. */
  public TrainingSettings discriminatorDropout(Float value) { discriminatorDropout = value; return this; }

  /**
   * The objective's own hyper-parameters, as {@code Objectives.named(name, options)} takes them:
   * critic steps, learning rate, gradient-penalty weight, clip, margin, pulling-away and
   * reconstruction weights, discriminator loss weight; null fields keep the defaults. Its linear
   * decay and simultaneous updates stand for {@code lrDecay("linear")} and
   * {@code schedule("simultaneous")}; a momentum ramp or exponential decay is refused, since a
   * configuration records them by their settings ({@link #optimizer}, {@link #lrDecay}).
   */
  public TrainingSettings objectiveOptions(ObjectiveOptions value) {
    if (value.momentum() != null || value.exponentialDecay() != null || value.adamNetwork() != null) {
      throw new IllegalArgumentException("set the momentum ramp, the network that keeps Adam and the exponential decay"
          + " with optimizer(\"momentum\"), generatorOptimizer(...),"
          + " momentum(...), lrDecay(\"exponential\") and lrDecayFactor(...), not through the objective options");
    }
    objectiveOptions = value;
    return this;
  }

  /** {@code none}, {@code linear} or {@code exponential}. */
  public TrainingSettings lrDecay(String value) { lrDecay = value; return this; }

  /** The distribution of z: {@code normal}, {@code uniform} or {@code uniform-unit-variance}. */
  public TrainingSettings prior(String value) { prior = value; return this; }

  /** {@code signed} ([-1, 1], tanh) or {@code unit} ([0, 1], sigmoid). */
  public TrainingSettings pixelRange(String value) { pixelRange = value; return this; }

  /** Discrete BGAN's f-divergence ({@link FDivergence#id()}); null: {@link FDivergence#GAN}. */
  public TrainingSettings divergence(String value) { divergence = value; return this; }

  /** Discrete BGAN's samples per z; null: {@link TrainingDefaults#SAMPLES_PER_Z}. */
  public TrainingSettings samplesPerZ(Integer value) { samplesPerZ = value; return this; }

  /** {@code adam} or {@code momentum} (the GAN paper's SGD); null: the objective's optimiser. */
  public TrainingSettings optimizer(String value) { optimizer = value; return this; }

  /**
   * GAN: the generator's optimiser, {@code adam} or {@code momentum}, when it differs from
   * {@link #optimizer}, which is then the discriminator's; null: the same as the discriminator's.
   */
  public TrainingSettings generatorOptimizer(String value) { generatorOptimizer = value; return this; }

  /** Initial momentum of optimizer {@code momentum}; null: {@link #MOMENTUM}. */
  public TrainingSettings momentum(Float value) { momentum = value; return this; }

  /** Momentum reached at the end of the ramp; null: the initial momentum, constant. */
  public TrainingSettings finalMomentum(Float value) { finalMomentum = value; return this; }

  /** {@code START:SATURATE} epochs of the momentum ramp; null: {@link #MOMENTUM_RAMP}. */
  public TrainingSettings momentumRamp(String value) { momentumRamp = value; return this; }

  /** Exponential decay: the factor the learning rate is divided by per update. */
  public TrainingSettings lrDecayFactor(Double value) { lrDecayFactor = value; return this; }

  /** Exponential decay: the learning rate's floor. */
  public TrainingSettings minLr(Float value) { minLr = value; return this; }

  /** GAN: {@code alternating} or {@code simultaneous} updates. */
  public TrainingSettings schedule(String value) { schedule = value; return this; }

  /** {@code gan-mlp}: {@code zero} or {@code marginals} output biases. */
  public TrainingSettings outputBias(String value) { outputBias = value; return this; }

  /** {@code folder}: the side images are resized to; null: {@link TrainingDefaults#FOLDER_IMAGE_SIZE}. */
  public TrainingSettings imageSize(Integer value) { imageSize = value; return this; }

  /** {@code folder}: 1 (grey) or 3 (colour); null: {@link TrainingDefaults#FOLDER_CHANNELS}. */
  public TrainingSettings channels(Integer value) { channels = value; return this; }

  /** Decay of a zero-debiased moving average of the generator's weights, used for samples and export; null: off. */
  public TrainingSettings ema(Float value) { ema = value; return this; }

  /** Whether the critic's weight layers are spectrally normalised; null: off. */
  public TrainingSettings spectralNorm(Boolean value) { spectralNorm = value; return this; }

  /** The version of jgan recorded in the configuration. */
  public TrainingSettings jganVersion(String value) { jganVersion = value; return this; }

  /**
   * The complete configuration, every default resolved. Settings that only apply to some runs
   * (the momentum of optimizer {@code momentum}, the divergence of discrete BGAN, the size of a
   * {@code folder} dataset) stay null where they do not apply.
   *
   * @throws org.jgan.losses.OptionNotTakenException for a setting the objective does not read, naming
   *     its flag, the objective and the objectives that take it
   */
  public RunConfig resolve() {
    if (!Objectives.NAMES.contains(objective)) {
      throw new IllegalArgumentException("unknown objective '" + objective + "' (known: "
          + String.join(", ", Objectives.NAMES) + ")");
    }
    if (!NamedDatasets.NAMES.contains(dataset)) {
      throw new IllegalArgumentException("unknown dataset '" + dataset + "' (known: "
          + String.join(", ", NamedDatasets.NAMES) + ")");
    }
    String architecture = or(model, MODEL);
    TrainingDefaults d = TrainingDefaults.of(objective, dataset, architecture);
    ObjectiveOptions o = objectiveOptions;
    String decay = or(lrDecay, o.linearDecay() ? "linear" : d.linearDecay() ? "linear" : "none");
    boolean sgd = "momentum".equals(optimizer) || "momentum".equals(generatorOptimizer);
    Float initialMomentum = sgd ? or(momentum, MOMENTUM) : null;
    boolean exponential = "exponential".equals(decay);
    boolean discrete = Objectives.isDiscrete(objective);
    Objectives.type(objective).requireTakes(hyperparametersGiven(sgd));
    boolean folder = dataset.equals(NamedDatasets.FOLDER);
    int batch = or(batchSize, d.batchSize());
    int hidden = or(width, d.width());
    int widest = Math.max(or(generatorWidth, hidden), or(discriminatorWidth, hidden));
    return RunConfig.builder().objective(objective).dataset(dataset).model(architecture).steps(or(steps, STEPS))
        .seed(or(seed, SEED)).batchSize(batch).zDim(or(zDim, d.zDim()))
        .width(hidden).depth(or(depth, d.depth()))
        .learningRate(or(o.learningRate(), d.learningRate())).lrDecay(decay).criticSteps(o.criticSteps())
        .gpWeight(or(o.gradientPenaltyWeight(), d.gpWeight())).clip(o.clip()).prior(or(prior, d.prior()))
        .pixelRange(or(pixelRange, d.pixelRange())).threads(or(threads, TrainingDefaults.threads(dataset, batch, widest, concurrentRuns))).jganVersion(jganVersion)
        .margin(o.margin()).ptWeight(o.ptWeight()).reconWeight(o.reconstructionWeight())
        .divergence(discrete ? or(divergence, FDivergence.GAN.id()) : null)
        .samplesPerZ(discrete ? or(samplesPerZ, TrainingDefaults.SAMPLES_PER_Z) : null)
        .optimizer(optimizer).momentum(initialMomentum).finalMomentum(sgd ? or(finalMomentum, initialMomentum) : null)
        .momentumRamp(sgd ? or(momentumRamp, MOMENTUM_RAMP) : null)
        .lrDecayFactor(exponential ? or(lrDecayFactor, EXPONENTIAL_DECAY.factor()) : null)
        .minLr(exponential ? or(minLr, EXPONENTIAL_DECAY.floor()) : null).dLossWeight(o.discriminatorLossWeight())
        .schedule(or(schedule, o.simultaneous() ? "simultaneous" : null)).outputBias(outputBias)
        .imageSize(folder ? or(imageSize, TrainingDefaults.FOLDER_IMAGE_SIZE) : null)
        .channels(folder ? or(channels, TrainingDefaults.FOLDER_CHANNELS) : null).ema(ema).spectralNorm(spectralNorm)
        .generatorWidth(generatorWidth).generatorDepth(generatorDepth).discriminatorWidth(discriminatorWidth)
        .discriminatorDepth(discriminatorDepth).generatorOptimizer(generatorOptimizer)
        .discriminatorDropout(discriminatorDropout)
        // One architecture for both networks is written as no generator model, as before --g-model existed.
        .generatorModel(architecture.equals(generatorModel) ? null : generatorModel).build();
  }

  /**
   * The objective-specific settings given, as the registry names them: those in the objective
   * options and those set beside them, so that one the objective does not read is refused here
   * rather than written into a configuration it would ignore or fail on later.
   */
  private Set<Hyperparameter> hyperparametersGiven(boolean sgd) {
    Set<Hyperparameter> given = Hyperparameter.setIn(objectiveOptions);
    if (sgd) {
      given.add(Hyperparameter.MOMENTUM);
    }
    if ("simultaneous".equals(schedule)) {
      given.add(Hyperparameter.SIMULTANEOUS_UPDATES);
    }
    if (divergence != null) {
      given.add(Hyperparameter.DIVERGENCE);
    }
    if (samplesPerZ != null) {
      given.add(Hyperparameter.SAMPLES_PER_Z);
    }
    return given;
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
