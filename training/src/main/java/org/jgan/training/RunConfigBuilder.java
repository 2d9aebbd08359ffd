package org.jgan.training;

/**
 * A {@link RunConfig} under construction: {@link RunConfig#builder()} starts from nothing set,
 * {@link RunConfig#toBuilder()} from a configuration's values, so a changed copy is
 * {@code config.toBuilder().steps(10).build()}. Each setter sets the record component of its
 * name; what a null means is the component's (see {@link RunConfig}).
 */
public final class RunConfigBuilder {
  private String objective;
  private String dataset;
  private String model;
  private long steps;
  private long seed;
  private int batchSize;
  private int zDim;
  private int width;
  private int depth;
  private Float learningRate;
  private String lrDecay;
  private Integer criticSteps;
  private Float gpWeight;
  private Float clip;
  private String prior;
  private String pixelRange;
  private int threads;
  private String jganVersion;
  private Float margin;
  private Float ptWeight;
  private Float reconWeight;
  private String divergence;
  private Integer samplesPerZ;
  private String optimizer;
  private Float momentum;
  private Float finalMomentum;
  private String momentumRamp;
  private Double lrDecayFactor;
  private Float minLr;
  private Float dLossWeight;
  private String schedule;
  private String outputBias;
  private Integer imageSize;
  private Integer channels;
  private Float ema;
  private Boolean spectralNorm;
  private Integer generatorWidth;
  private Integer generatorDepth;
  private Integer discriminatorWidth;
  private Integer discriminatorDepth;
  private String generatorOptimizer;
  private Float discriminatorDropout;
  private String generatorModel;

  RunConfigBuilder() {}

  /** A builder holding every value of {@code config}. */
  RunConfigBuilder(RunConfig config) {
    objective = config.objective();
    dataset = config.dataset();
    model = config.model();
    steps = config.steps();
    seed = config.seed();
    batchSize = config.batchSize();
    zDim = config.zDim();
    width = config.width();
    depth = config.depth();
    learningRate = config.learningRate();
    lrDecay = config.lrDecay();
    criticSteps = config.criticSteps();
    gpWeight = config.gpWeight();
    clip = config.clip();
    prior = config.prior();
    pixelRange = config.pixelRange();
    threads = config.threads();
    jganVersion = config.jganVersion();
    margin = config.margin();
    ptWeight = config.ptWeight();
    reconWeight = config.reconWeight();
    divergence = config.divergence();
    samplesPerZ = config.samplesPerZ();
    optimizer = config.optimizer();
    momentum = config.momentum();
    finalMomentum = config.finalMomentum();
    momentumRamp = config.momentumRamp();
    lrDecayFactor = config.lrDecayFactor();
    minLr = config.minLr();
    dLossWeight = config.dLossWeight();
    schedule = config.schedule();
    outputBias = config.outputBias();
    imageSize = config.imageSize();
    channels = config.channels();
    ema = config.ema();
    spectralNorm = config.spectralNorm();
    generatorWidth = config.generatorWidth();
    generatorDepth = config.generatorDepth();
    discriminatorWidth = config.discriminatorWidth();
    discriminatorDepth = config.discriminatorDepth();
    generatorOptimizer = config.generatorOptimizer();
    discriminatorDropout = config.discriminatorDropout();
    generatorModel = config.generatorModel();
  }

  /** The objective's registry name ({@code --objective}). */
  public RunConfigBuilder objective(String value) { objective = value; return this; }

  /** The dataset's registry name ({@code --dataset}). */
  public RunConfigBuilder dataset(String value) { dataset = value; return this; }

  /** The architecture of every network, or of all but the generator when {@code generatorModel} is set. */
  public RunConfigBuilder model(String value) { model = value; return this; }

  /** The generator updates the run trains for. */
  public RunConfigBuilder steps(long value) { steps = value; return this; }

  /** The run seed. */
  public RunConfigBuilder seed(long value) { seed = value; return this; }

  /** Examples per batch. */
  public RunConfigBuilder batchSize(int value) { batchSize = value; return this; }

  /** The dimension of the noise z. */
  public RunConfigBuilder zDim(int value) { zDim = value; return this; }

  /** Hidden width of both networks unless set apart. */
  public RunConfigBuilder width(int value) { width = value; return this; }

  /** Hidden layers of both networks unless set apart. */
  public RunConfigBuilder depth(int value) { depth = value; return this; }

  /** The learning rate; null: the objective's paper value. */
  public RunConfigBuilder learningRate(Float value) { learningRate = value; return this; }

  /** How the learning rate decays: {@code none}, {@code linear} or {@code exponential}. */
  public RunConfigBuilder lrDecay(String value) { lrDecay = value; return this; }

  /** Critic updates per generator update; null: the objective's. */
  public RunConfigBuilder criticSteps(Integer value) { criticSteps = value; return this; }

  /** The gradient-penalty weight; null where the objective has none. */
  public RunConfigBuilder gpWeight(Float value) { gpWeight = value; return this; }

  /** WGAN's weight-clipping bound; null: the objective's. */
  public RunConfigBuilder clip(Float value) { clip = value; return this; }

  /** The noise prior's name. */
  public RunConfigBuilder prior(String value) { prior = value; return this; }

  /** The pixel range: {@code signed} or {@code unit}. */
  public RunConfigBuilder pixelRange(String value) { pixelRange = value; return this; }

  /** TensorFlow intra-op threads. */
  public RunConfigBuilder threads(int value) { threads = value; return this; }

  /** The version of jgan that wrote the configuration. */
  public RunConfigBuilder jganVersion(String value) { jganVersion = value; return this; }

  /** EBGAN's margin; null: the objective's. */
  public RunConfigBuilder margin(Float value) { margin = value; return this; }

  /** EBGAN's pulling-away-term weight; null: the objective's. */
  public RunConfigBuilder ptWeight(Float value) { ptWeight = value; return this; }

  /** The alpha-GAN reconstruction weight; null: the objective's. */
  public RunConfigBuilder reconWeight(Float value) { reconWeight = value; return this; }

  /** Discrete BGAN's f-divergence; null for continuous data. */
  public RunConfigBuilder divergence(String value) { divergence = value; return this; }

  /** Discrete BGAN's samples per z; null for continuous data. */
  public RunConfigBuilder samplesPerZ(Integer value) { samplesPerZ = value; return this; }

  /** Both networks' optimiser (the critic's alone when {@code generatorOptimizer} is set); null: Adam. */
  public RunConfigBuilder optimizer(String value) { optimizer = value; return this; }

  /** The initial momentum of optimizer {@code momentum}; null otherwise. */
  public RunConfigBuilder momentum(Float value) { momentum = value; return this; }

  /** The momentum the ramp ends at; null without optimizer {@code momentum}. */
  public RunConfigBuilder finalMomentum(Float value) { finalMomentum = value; return this; }

  /** The momentum ramp's length; null without optimizer {@code momentum}. */
  public RunConfigBuilder momentumRamp(String value) { momentumRamp = value; return this; }

  /** The exponential decay's factor per update; null without it. */
  public RunConfigBuilder lrDecayFactor(Double value) { lrDecayFactor = value; return this; }

  /** The exponential decay's floor; null without it. */
  public RunConfigBuilder minLr(Float value) { minLr = value; return this; }

  /** The factor on the discriminator's loss; null: 1. */
  public RunConfigBuilder dLossWeight(Float value) { dLossWeight = value; return this; }

  /** The update schedule: {@code simultaneous}, or null: alternating updates. */
  public RunConfigBuilder schedule(String value) { schedule = value; return this; }

  /** How the generator's output bias starts; null: zero. */
  public RunConfigBuilder outputBias(String value) { outputBias = value; return this; }

  /** An image folder's image side; null for named datasets. */
  public RunConfigBuilder imageSize(Integer value) { imageSize = value; return this; }

  /** An image folder's channels; null for named datasets. */
  public RunConfigBuilder channels(Integer value) { channels = value; return this; }

  /** The decay of the generator's weight average; null: off. */
  public RunConfigBuilder ema(Float value) { ema = value; return this; }

  /** Whether the critic is spectrally normalised; null: off. */
  public RunConfigBuilder spectralNorm(Boolean value) { spectralNorm = value; return this; }

  /** The generator's hidden width; null: {@code width}. */
  public RunConfigBuilder generatorWidth(Integer value) { generatorWidth = value; return this; }

  /** The generator's hidden layers; null: {@code depth}. */
  public RunConfigBuilder generatorDepth(Integer value) { generatorDepth = value; return this; }

  /** The other networks' hidden width; null: {@code width}. */
  public RunConfigBuilder discriminatorWidth(Integer value) { discriminatorWidth = value; return this; }

  /** The other networks' hidden layers; null: {@code depth}. */
  public RunConfigBuilder discriminatorDepth(Integer value) { discriminatorDepth = value; return this; }

  /** The generator's optimiser apart from {@code optimizer}; null: the same. */
  public RunConfigBuilder generatorOptimizer(String value) { generatorOptimizer = value; return this; }

  /** Dropout after the hidden layers of every network but the generator; null: none. */
  public RunConfigBuilder discriminatorDropout(Float value) { discriminatorDropout = value; return this; }

  /** The generator's architecture apart from {@code model}; null: the same. */
  public RunConfigBuilder generatorModel(String value) { generatorModel = value; return this; }

  /** The configuration of the values set. */
  public RunConfig build() {
    return new RunConfig(objective, dataset, model, steps, seed, batchSize, zDim, width, depth, learningRate, lrDecay,
        criticSteps, gpWeight, clip, prior, pixelRange, threads, jganVersion, margin, ptWeight, reconWeight,
        divergence, samplesPerZ, optimizer, momentum, finalMomentum, momentumRamp, lrDecayFactor, minLr, dLossWeight,
        schedule, outputBias, imageSize, channels, ema, spectralNorm, generatorWidth, generatorDepth,
        discriminatorWidth, discriminatorDepth, generatorOptimizer, discriminatorDropout, generatorModel);
  }
}
