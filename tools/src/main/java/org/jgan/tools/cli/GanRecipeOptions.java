package org.jgan.tools.cli;

import java.util.List;
import org.jgan.data.NamedDatasets;
import org.jgan.losses.Hyperparameter;
import org.jgan.losses.Objectives;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import org.jgan.training.RunConfig;
import org.jgan.graphs.models.NamedArchitecture;
import org.jgan.training.RunModel;
import org.jgan.training.TrainingSettings;

/**
 * {@code jgan train}'s flags for the GAN paper's MNIST training recipe (goodfeli/adversarial,
 * mnist.yaml): SGD with a momentum ramp, per-update learning-rate decay, the halved
 * discriminator cost, simultaneous updates, the output bias from pixel marginals and model
 * selection on validation. None changes a run unless given.
 */
public final class GanRecipeOptions {
  @Option(names = "--optimizer", description = "adam | momentum (gan, gan-ns): momentum is the GAN paper's SGD with momentum,"
      + " pylearn2's form vel = m vel - lr g, learning rate 0.1 unless --lr (default: the objective's Adam)")
  String optimizer;

  @Option(names = "--g-optimizer", description = "adam | momentum (gan, gan-ns): the generator's optimiser when it differs"
      + " from --optimizer, which is then the discriminator's; the EBGAN paper's grid mixes Adam and SGD"
      + " (default: --optimizer)")
  String generatorOptimizer;

  @Option(names = "--momentum", description = "initial momentum of --optimizer momentum (default: " + TrainingSettings.MOMENTUM + ")")
  Float momentum;

  @Option(names = "--final-momentum", description = "momentum reached at the end of --momentum-ramp (default: --momentum, constant)")
  Float finalMomentum;

  @Option(names = "--momentum-ramp", description = "START:SATURATE epochs over which the momentum rises linearly to --final-momentum,"
      + " pylearn2's MomentumAdjustor (default: " + TrainingSettings.MOMENTUM_RAMP + ")")
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

  /** {@code settings} with these flags set (null where not given, so the library resolves their defaults);
   * the discriminator loss weight travels in the objective's options. */
  TrainingSettings applyTo(TrainingSettings settings) {
    return settings.optimizer(optimizer).generatorOptimizer(generatorOptimizer).momentum(momentum).finalMomentum(finalMomentum).momentumRamp(momentumRamp)
        .lrDecayFactor(lrDecayFactor).minLr(minLr).schedule(schedule).outputBias(outputBias);
  }

  /** Checks the values that travel in the objective's options, before they are built. */
  void checkValues(CommandLine cl) {
    require(cl, dLossWeight == null || dLossWeight > 0, "--d-loss-weight must be positive, got " + dLossWeight);
  }

  /**
   * Checks the flags against the rest of the command line, resolved into {@code config}; a bad value
   * throws a ParameterException naming the flag.
   */
  void check(CommandLine cl, RunConfig config, Integer criticSteps, int qualityEvery) {
    String objective = config.objective();
    String dataset = config.dataset();
    // Even --optimizer adam: an objective with its own optimiser (WGAN's RMSProp) would ignore it.
    boolean choosesOptimizer = Objectives.type(objective).takes(Hyperparameter.MOMENTUM);
    String choosers = String.join(" or ", Objectives.taking(Hyperparameter.MOMENTUM));
    require(cl, optimizer == null || List.of("adam", "momentum").contains(optimizer),
        "--optimizer must be adam or momentum, got '" + optimizer + "'");
    require(cl, optimizer == null || choosesOptimizer, "--optimizer is for --objective " + choosers + ", not " + objective);
    require(cl, generatorOptimizer == null || List.of("adam", "momentum").contains(generatorOptimizer),
        "--g-optimizer must be adam or momentum, got '" + generatorOptimizer + "'");
    require(cl, generatorOptimizer == null || choosesOptimizer,
        "--g-optimizer is for --objective " + choosers + ", not " + objective);
    boolean sgd = config.usesMomentum();
    require(cl, sgd || (momentum == null && finalMomentum == null && momentumRamp == null),
        "--momentum, --final-momentum and --momentum-ramp need --optimizer momentum or --g-optimizer momentum");
    require(cl, momentum == null || (momentum >= 0 && momentum < 1), "--momentum must be in [0, 1), got " + momentum);
    require(cl, finalMomentum == null || (finalMomentum >= 0 && finalMomentum < 1),
        "--final-momentum must be in [0, 1), got " + finalMomentum);
    if (sgd) {
      try {
        RunModel.rampEpochs(config.momentumRamp());
      } catch (IllegalArgumentException e) {
        require(cl, false, "--momentum-ramp: " + e.getMessage());
      }
    }
    require(cl, !sgd || config.finalMomentum().equals(config.momentum()) || hasEpochs(dataset),
        "--final-momentum ramps over epochs of a fixed training split; " + dataset + " has none");
    boolean exponential = "exponential".equals(config.lrDecay());
    require(cl, exponential || (lrDecayFactor == null && minLr == null), "--lr-decay-factor and --min-lr need --lr-decay exponential");
    require(cl, lrDecayFactor == null || (lrDecayFactor >= 1 && !lrDecayFactor.isInfinite()),
        "--lr-decay-factor must be at least 1, got " + lrDecayFactor);
    require(cl, minLr == null || minLr >= 0, "--min-lr must be non-negative, got " + minLr);
    require(cl, schedule == null || List.of("alternating", "simultaneous").contains(schedule),
        "--schedule must be alternating or simultaneous, got '" + schedule + "'");
    boolean simultaneous = "simultaneous".equals(schedule);
    require(cl, !simultaneous || criticSteps == null || criticSteps == 1,
        "--schedule simultaneous takes one discriminator step per iteration, not --critic-steps " + criticSteps);
    require(cl, outputBias == null || List.of("zero", "marginals").contains(outputBias),
        "--output-bias must be zero or marginals, got '" + outputBias + "'");
    boolean paperNetwork = NamedArchitecture.named(config.model()).paperRecipe();
    require(cl, !"marginals".equals(outputBias) || (paperNetwork && RunModel.unitPixels(config)),
        "--output-bias marginals is for --model gan-mlp with its sigmoid output (--pixel-range unit)");
    require(cl, !keepBest || qualityEvery > 0, "--keep-best needs --quality-every N (the validation score it selects on)");
  }

  /** Whether a dataset's training split is a fixed set of examples with epochs (the image sets; not toy or text). */
  private static boolean hasEpochs(String dataset) {
    return !NamedDatasets.isToy(dataset) && !NamedDatasets.isText(dataset);
  }

  private static void require(CommandLine cl, boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(cl, message);
    }
  }
}
