package org.jgan.tools;

import java.util.List;
import org.jgan.data.ImageDatasets;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.optim.ExponentialDecay;
import org.jgan.graphs.optim.MomentumRamp;
import org.jgan.losses.Hyperparameter;
import org.jgan.losses.Objectives;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code jgan train}'s flags for the GAN paper's MNIST training recipe (goodfeli/adversarial,
 * mnist.yaml): SGD with a momentum ramp, per-update learning-rate decay, the halved
 * discriminator cost, simultaneous updates, the output bias from pixel marginals and model
 * selection on validation. None changes a run unless given.
 */
final class GanRecipeOptions {
  @Option(names = "--optimizer", description = "adam | momentum (gan, gan-ns): momentum is the GAN paper's SGD with momentum,"
      + " pylearn2's form vel = m vel - lr g, learning rate 0.1 unless --lr (default: the objective's Adam)")
  String optimizer;

  @Option(names = "--momentum", description = "initial momentum of --optimizer momentum (default: 0.5)")
  Float momentum;

  @Option(names = "--final-momentum", description = "momentum reached at the end of --momentum-ramp (default: --momentum, constant)")
  Float finalMomentum;

  @Option(names = "--momentum-ramp", description = "START:SATURATE epochs over which the momentum rises linearly to --final-momentum,"
      + " pylearn2's MomentumAdjustor (default: 1:250)")
  String momentumRamp;

  @Option(names = "--lr-decay-factor", description = "--lr-decay exponential: the learning rate is divided by this after every update (default: 1.000004)")
  Double lrDecayFactor;

  @Option(names = "--min-lr", description = "--lr-decay exponential: the floor of the learning rate (default: 1e-6)")
  Float minLr;

  @Option(names = "--d-loss-weight", description = "gan, gan-ns: factor on the discriminator's loss; the GAN paper's code uses 0.5 (default: 1)")
  Float dLossWeight;

  @Option(names = "--schedule", description = "alternating | simultaneous (gan, gan-ns): simultaneous updates both networks in one step"
      + " from one forward pass, as the GAN paper's code did (default: alternating)")
  String schedule;

  @Option(names = "--output-bias", description = "zero | marginals (gan-mlp): marginals starts each output pixel's bias at the logit"
      + " of its mean over the training split, as the GAN paper did (default: zero)")
  String outputBias;

  @Option(names = "--keep-best", description = "with --quality-every: also score held-out validation images (quality/parzen_validation)"
      + " and keep the checkpoint scoring best as the run folder OUT/best (evaluate it with jgan eval --checkpoint OUT/best)")
  boolean keepBest;

  /** The recipe settings as resolved for config.json: null where the flag was not given. */
  record Resolved(String optimizer, Float momentum, Float finalMomentum, String momentumRamp, Double lrDecayFactor,
      Float minLr, Float dLossWeight, String schedule, String outputBias) {}

  /** Checks the flags against the rest of the command line; a bad value throws a ParameterException naming the flag. */
  Resolved resolve(CommandLine cl, String objective, String dataset, String model, String lrDecay, Integer criticSteps,
      String pixelRange, int qualityEvery) {
    boolean gan = Objectives.type(objective).takes(Hyperparameter.SIMULTANEOUS_UPDATES); // the GAN paper's recipe
    require(cl, optimizer == null || List.of("adam", "momentum").contains(optimizer),
        "--optimizer must be adam or momentum, got '" + optimizer + "'");
    require(cl, optimizer == null || gan, "--optimizer is for --objective gan or gan-ns, not " + objective);
    boolean sgd = "momentum".equals(optimizer);
    require(cl, sgd || (momentum == null && finalMomentum == null && momentumRamp == null),
        "--momentum, --final-momentum and --momentum-ramp need --optimizer momentum");
    require(cl, momentum == null || (momentum >= 0 && momentum < 1), "--momentum must be in [0, 1), got " + momentum);
    require(cl, finalMomentum == null || (finalMomentum >= 0 && finalMomentum < 1),
        "--final-momentum must be in [0, 1), got " + finalMomentum);
    String ramp = sgd ? (momentumRamp != null ? momentumRamp : Defaults.MOMENTUM_RAMP) : null;
    if (ramp != null) {
      try {
        rampEpochs(ramp);
      } catch (IllegalArgumentException e) {
        require(cl, false, "--momentum-ramp: " + e.getMessage());
      }
    }
    Float initial = sgd ? (momentum != null ? momentum : Defaults.MOMENTUM) : null;
    Float last = sgd ? (finalMomentum != null ? finalMomentum : initial) : null;
    require(cl, !sgd || last.equals(initial) || hasEpochs(dataset),
        "--final-momentum ramps over epochs of a fixed training split; " + dataset + " has none");
    boolean exponential = "exponential".equals(lrDecay);
    require(cl, exponential || (lrDecayFactor == null && minLr == null), "--lr-decay-factor and --min-lr need --lr-decay exponential");
    require(cl, lrDecayFactor == null || (lrDecayFactor >= 1 && !lrDecayFactor.isInfinite()),
        "--lr-decay-factor must be at least 1, got " + lrDecayFactor);
    require(cl, minLr == null || minLr >= 0, "--min-lr must be non-negative, got " + minLr);
    require(cl, dLossWeight == null || dLossWeight > 0, "--d-loss-weight must be positive, got " + dLossWeight);
    require(cl, dLossWeight == null || gan, "--d-loss-weight is for --objective gan or gan-ns, not " + objective);
    require(cl, schedule == null || List.of("alternating", "simultaneous").contains(schedule),
        "--schedule must be alternating or simultaneous, got '" + schedule + "'");
    boolean simultaneous = "simultaneous".equals(schedule);
    require(cl, !simultaneous || gan, "--schedule simultaneous is for --objective gan or gan-ns, not " + objective);
    require(cl, !simultaneous || criticSteps == null || criticSteps == 1,
        "--schedule simultaneous takes one discriminator step per iteration, not --critic-steps " + criticSteps);
    require(cl, outputBias == null || List.of("zero", "marginals").contains(outputBias),
        "--output-bias must be zero or marginals, got '" + outputBias + "'");
    require(cl, !"marginals".equals(outputBias) || (model.equals("gan-mlp") && "unit".equals(pixelRange)),
        "--output-bias marginals is for --model gan-mlp with its sigmoid output (--pixel-range unit)");
    require(cl, !keepBest || qualityEvery > 0, "--keep-best needs --quality-every N (the validation score it selects on)");
    return new Resolved(optimizer, initial, last, ramp,
        exponential ? (lrDecayFactor != null ? lrDecayFactor : Defaults.LR_DECAY.factor()) : null,
        exponential ? (minLr != null ? minLr : Defaults.LR_DECAY.floor()) : null, dLossWeight, schedule, outputBias);
  }

  /** The momentum schedule of a configuration, or null when it trains with its objective's optimiser. */
  static MomentumRamp momentumRamp(RunConfig config) {
    if (!"momentum".equals(config.optimizer())) {
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
  static ExponentialDecay exponentialDecay(RunConfig config) {
    return "exponential".equals(config.lrDecay()) ? new ExponentialDecay(config.lrDecayFactor(), config.minLr()) : null;
  }

  /** Whether a dataset's training split is a fixed set of examples with epochs (the image sets; not toy or text). */
  private static boolean hasEpochs(String dataset) {
    return !NamedDatasets.isToy(dataset) && !NamedDatasets.isText(dataset);
  }

  private static int[] rampEpochs(String ramp) {
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

  private static void require(CommandLine cl, boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(cl, message);
    }
  }
}
