package org.jgan.training;

import java.nio.file.Path;
import org.jgan.data.BatchSource;
import org.jgan.data.DataException;
import org.jgan.data.Dataset;
import org.jgan.data.ImageDatasets;
import org.jgan.data.ImageFolder;
import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelMarginals;
import org.jgan.data.PixelRange;
import org.jgan.data.ShuffledBatches;
import org.jgan.data.Split;
import org.jgan.data.fetch.DataDirectory;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.models.NamedArchitecture;
import org.jgan.graphs.models.GanPaperMlp;
import org.jgan.graphs.models.Mlp;
import org.jgan.graphs.models.ResNet1d;
import org.jgan.graphs.optim.ExponentialDecay;
import org.jgan.graphs.optim.MomentumRamp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.losses.Role;

/**
 * What a {@link RunConfig} describes, as library objects: its objective, architecture, model and
 * training batches, exactly as {@code jgan train} builds them, so a program given the same
 * configuration trains the same numbers.
 */
public final class RunModel {
  private RunModel() {}

  /** The model a configuration describes (with zero output biases; see {@link #trainingSpec}). */
  public static ModelSpec spec(RunConfig config) {
    return new ModelSpec(objective(config), architecture(config), config.exampleShape(), outputActivation(config),
        new NoisePrior(NoisePrior.Kind.byId(config.prior()), config.zDim()), config.batchSize(), config.seed())
        .withGeneratorEma(config.ema() != null ? config.ema() : 0f)
        .withSpectralNorm(Boolean.TRUE.equals(config.spectralNorm()));
  }

  /**
   * The model to train: {@link #spec} with, for output bias {@code marginals}, the generator's output
   * biases computed from the training split's pixel means, read from {@code dataDir}.
   */
  public static ModelSpec trainingSpec(RunConfig config, Path dataDir) {
    ModelSpec spec = spec(config);
    if (!"marginals".equals(config.outputBias())) {
      return spec;
    }
    if (dataDir == null) {
      throw new DataException("--output-bias marginals needs the training data: pass --data DIR or set JGAN_DATA");
    }
    Dataset train = NamedDatasets.evaluationSplit(config.dataset(), dataDir, Split.TRAIN);
    return spec.withArchitecture(((GanPaperMlp) spec.architecture()).withOutputBias(PixelMarginals.sigmoidBias(train)));
  }

  /**
   * The run's shuffled training batches, seeded by {@link DataSeeds#training}. {@code dataDir} holds
   * the image and text datasets (unused, may be null, for the 2-D sets); for a {@code folder} run it
   * is the folder of images, decoded through the per-user image cache, undecodable files skipped.
   */
  public static BatchSource batches(RunConfig config, Path dataDir) {
    if (config.dataset().equals(NamedDatasets.FOLDER)) {
      return folderBatches(config, ImageFolder.open(dataDir, config.imageSize(), config.channels(), DataDirectory.imageCache(),
          false, null));
    }
    return NamedDatasets.trainingBatches(config.dataset(), dataDir, config.batchSize(),
        DataSeeds.training(config.seed()), pixelRange(config));
  }

  /** The training batches of a {@code folder} run over {@code images}, already opened. */
  public static BatchSource folderBatches(RunConfig config, ImageFolder images) {
    return new ShuffledBatches(images.split(Split.TRAIN, pixelRange(config)), config.batchSize(),
        DataSeeds.training(config.seed()));
  }

  /** The objective with the configuration's settings over its paper's. */
  public static Objective objective(RunConfig config) {
    ObjectiveOptions options = objectiveOptions(config);
    DiscreteBgan.Kind kind = NamedDatasets.isMultinomial(config.dataset()) ? DiscreteBgan.Kind.MULTINOMIAL
        : DiscreteBgan.Kind.BINARY;
    if (Objectives.isDiscrete(config.objective())) {
      return Objectives.discrete(config.objective(), options, kind, FDivergence.byId(config.divergence()),
          config.samplesPerZ());
    }
    if (NamedDatasets.isDiscrete(config.dataset())) {
      // A continuous objective on discrete data: its relaxed form, where it has one (wgan-gp).
      return Objectives.type(config.objective()).createRelaxed(options, kind);
    }
    return Objectives.named(config.objective(), options);
  }

  /** The objective's hyper-parameters as the configuration sets them; null fields keep the paper's values. */
  public static ObjectiveOptions objectiveOptions(RunConfig config) {
    return new ObjectiveOptions(config.criticSteps(), config.learningRate(), config.lrDecay().equals("linear"),
        config.gpWeight(), config.clip(), config.margin(), config.ptWeight(), config.reconWeight(), momentumRamp(config),
        exponentialDecay(config), config.dLossWeight(), "simultaneous".equals(config.schedule()), adamNetwork(config));
  }

  /**
   * The network that keeps Adam while the other trains with SGD, when the configuration sets the
   * generator's optimiser apart from the discriminator's; null when both use the same.
   */
  static Role adamNetwork(RunConfig config) {
    String discriminator = config.optimizer() != null ? config.optimizer() : "adam";
    String generator = config.generatorOptimizer() != null ? config.generatorOptimizer() : discriminator;
    if (discriminator.equals(generator)) {
      return null;
    }
    return "adam".equals(generator) ? Role.GENERATOR : Role.DISCRIMINATOR;
  }

  /**
   * The generator and discriminator family the configuration names, the generator at its generator
   * width and depth and the other networks at theirs (both its width and depth unless set apart), with
   * their dropout if any; the generator from {@link RunConfig#generatorModel()} when it names another
   * architecture ({@link NamedArchitecture#mixed}).
   *
   * @throws IllegalArgumentException for an unknown name or a pair that cannot meet
   */
  public static Architecture architecture(RunConfig config) {
    return NamedArchitecture.mixed(NamedArchitecture.named(config.resolvedGeneratorModel()),
        config.resolvedGeneratorWidth(), config.resolvedGeneratorDepth(), NamedArchitecture.named(config.model()),
        config.resolvedDiscriminatorWidth(), config.resolvedDiscriminatorDepth(),
        config.discriminatorDropout() != null ? config.discriminatorDropout() : 0f);
  }

  /** Whether the run's images are in [0, 1] (sigmoid generator) rather than [-1, 1] (tanh). */
  public static boolean unitPixels(RunConfig config) {
    return "unit".equals(config.pixelRange());
  }

  /** The range the run's training images are scaled to. */
  public static PixelRange pixelRange(RunConfig config) {
    return unitPixels(config) ? PixelRange.ZERO_ONE : PixelRange.MINUS_ONE_ONE;
  }

  /** The generator's last activation: identity for 2-D points, sigmoid for [0, 1] pixels, else tanh. */
  static Activation outputActivation(RunConfig config) {
    if (NamedDatasets.isToy(config.dataset())) {
      return Activation.identity();
    }
    return unitPixels(config) ? Activation.sigmoid() : Activation.tanh();
  }

  /** The momentum schedule of a configuration, or null when it trains with its objective's optimiser. */
  public static MomentumRamp momentumRamp(RunConfig config) {
    if (!config.usesMomentum()) {
      return null;
    }
    if (config.momentum().equals(config.finalMomentum())) {
      return MomentumRamp.constant(config.momentum());
    }
    int[] epochs = rampEpochs(config.momentumRamp());
    long updatesPerEpoch = (ImageDatasets.TRAIN_SIZE + config.batchSize() - 1) / config.batchSize();
    return new MomentumRamp(config.momentum(), config.finalMomentum(), epochs[0], epochs[1], updatesPerEpoch);
  }

  /** The per-update learning-rate decay of a configuration, or null. */
  public static ExponentialDecay exponentialDecay(RunConfig config) {
    return "exponential".equals(config.lrDecay()) ? new ExponentialDecay(config.lrDecayFactor(), config.minLr()) : null;
  }

  /**
   * The start and saturation epochs of a momentum ramp written {@code START:SATURATE}; anything else
   * throws an IllegalArgumentException saying what was expected.
   */
  public static int[] rampEpochs(String ramp) {
    String[] parts = ramp.split(":", -1);
    try {
      if (parts.length == 2) {
        int start = Integer.parseInt(parts[0].trim());
        int saturate = Integer.parseInt(parts[1].trim());
        if (start >= 0 && saturate >= start) {
          return new int[] {start, saturate};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected START:SATURATE epochs with 0 <= START <= SATURATE, got '" + ramp + "'");
  }
}
