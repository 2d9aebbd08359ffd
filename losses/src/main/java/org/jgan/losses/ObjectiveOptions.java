package org.jgan.losses;

import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.ExponentialDecay;
import org.jgan.graphs.optim.MomentumRamp;
import org.jgan.graphs.optim.Optimizer;

/**
 * Settings that override an objective's paper defaults; a null field keeps the default. Which of
 * them an objective reads is its {@link ObjectiveType#hyperparameters()} (every objective reads
 * the learning rate and its decay).
 *
 * @param criticSteps critic (discriminator) updates per generator update
 * @param learningRate learning rate of every optimiser of the objective
 * @param linearDecay whether learning rates fall linearly to zero over the run
 * @param gradientPenaltyWeight WGAN-GP's lambda, or continuous BGAN's weight on its real-data gradient penalty
 * @param clip WGAN's weight-clipping bound c
 * @param margin EBGAN's margin m
 * @param ptWeight EBGAN's pulling-away-term weight w_PT
 * @param reconstructionWeight alpha-GAN's reconstruction weight lambda on the per-pixel L1 error
 * @param momentum GAN only: train both networks with pylearn2's SGD with momentum following this
 *     ramp (the GAN paper's optimiser) instead of Adam; null keeps Adam
 * @param exponentialDecay learning rates divided by a factor after every update, floored; null for none
 * @param discriminatorLossWeight GAN only: the factor on the discriminator's loss (the GAN paper's
 *     code halves it); null for 1
 * @param simultaneous GAN only: update both networks at once from one forward pass (the GAN paper's
 *     code) instead of alternating
 * @param adamNetwork GAN with a {@code momentum} ramp only: the one network that keeps Adam while the
 *     other trains with SGD (the EBGAN paper's grid mixes them); null: both on SGD
 */
public record ObjectiveOptions(Integer criticSteps, Float learningRate, boolean linearDecay,
    Float gradientPenaltyWeight, Float clip, Float margin, Float ptWeight, Float reconstructionWeight,
    MomentumRamp momentum, ExponentialDecay exponentialDecay, Float discriminatorLossWeight, boolean simultaneous,
    Role adamNetwork) {
  /** No overrides: every objective as its paper set it up. */
  public static final ObjectiveOptions PAPER_DEFAULTS = new ObjectiveOptions(null, null, false, null, null);

  /** Options whose momentum ramp, if any, trains both networks with SGD. */
  public ObjectiveOptions(Integer criticSteps, Float learningRate, boolean linearDecay, Float gradientPenaltyWeight,
      Float clip, Float margin, Float ptWeight, Float reconstructionWeight, MomentumRamp momentum,
      ExponentialDecay exponentialDecay, Float discriminatorLossWeight, boolean simultaneous) {
    this(criticSteps, learningRate, linearDecay, gradientPenaltyWeight, clip, margin, ptWeight, reconstructionWeight,
        momentum, exponentialDecay, discriminatorLossWeight, simultaneous, null);
  }

  /** The options of every objective but the GAN paper's training recipe (Adam, alternating updates). */
  public ObjectiveOptions(Integer criticSteps, Float learningRate, boolean linearDecay, Float gradientPenaltyWeight,
      Float clip, Float margin, Float ptWeight, Float reconstructionWeight) {
    this(criticSteps, learningRate, linearDecay, gradientPenaltyWeight, clip, margin, ptWeight, reconstructionWeight,
        null, null, null, false);
  }

  /** The options every objective reads, leaving EBGAN's and alpha-GAN's settings at their defaults. */
  public ObjectiveOptions(Integer criticSteps, Float learningRate, boolean linearDecay, Float gradientPenaltyWeight,
      Float clip) {
    this(criticSteps, learningRate, linearDecay, gradientPenaltyWeight, clip, null, null, null);
  }

  public ObjectiveOptions {
    if (linearDecay && exponentialDecay != null) {
      throw new IllegalArgumentException("choose one learning-rate decay: linear or exponential, not both");
    }
    if (discriminatorLossWeight != null && !(discriminatorLossWeight > 0)) {
      throw new IllegalArgumentException("discriminator loss weight " + discriminatorLossWeight + " must be positive");
    }
    if (margin != null && !(margin >= 0)) {
      throw new IllegalArgumentException("margin " + margin + " must be non-negative");
    }
    if (ptWeight != null && !(ptWeight >= 0)) {
      throw new IllegalArgumentException("pulling-away weight " + ptWeight + " must be non-negative");
    }
    if (reconstructionWeight != null && !(reconstructionWeight >= 0)) {
      throw new IllegalArgumentException("reconstruction weight " + reconstructionWeight + " must be non-negative");
    }
    if (criticSteps != null && criticSteps < 1) {
      throw new IllegalArgumentException("critic steps " + criticSteps + " must be at least 1");
    }
    if (learningRate != null && !(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate " + learningRate + " must be positive");
    }
    if (gradientPenaltyWeight != null && !(gradientPenaltyWeight >= 0)) {
      throw new IllegalArgumentException("gradient-penalty weight " + gradientPenaltyWeight + " must be non-negative");
    }
    if (clip != null && !(clip > 0)) {
      throw new IllegalArgumentException("clip value " + clip + " must be positive");
    }
    if (adamNetwork != null && (momentum == null
        || adamNetwork != Role.DISCRIMINATOR && adamNetwork != Role.GENERATOR)) {
      throw new IllegalArgumentException("only the discriminator or the generator can keep Adam, and only when the"
          + " other trains with SGD (a momentum ramp); got " + adamNetwork);
    }
  }

  /** Whether {@code network} trains with SGD and the momentum ramp rather than Adam. */
  public boolean sgdFor(Role network) {
    return momentum != null && adamNetwork != network;
  }

  /** The learning rate set, or {@code paperValue}. */
  public float learningRateOr(float paperValue) {
    return learningRate == null ? paperValue : learningRate;
  }

  /** {@code value}, or {@code paperValue} when it is null (an option left unset). */
  public static float or(Float value, float paperValue) {
    return value == null ? paperValue : value;
  }

  /** The critic steps set, or {@code paperValue}. */
  public int criticStepsOr(int paperValue) {
    return criticSteps == null ? paperValue : criticSteps;
  }

  /** {@code optimizer} with the learning-rate decay these options ask for (linear, exponential or none). */
  public Optimizer decayed(Optimizer optimizer) {
    if (exponentialDecay != null) {
      return optimizer.withExponentialDecay(exponentialDecay);
    }
    return linearDecay ? optimizer.withLinearDecay() : optimizer;
  }

  /**
   * Adam with {@code beta1}, {@code beta2} and the set learning rate (else {@code paperLearningRate}),
   * decayed as these options ask: the optimiser of most objectives, one per network.
   */
  public Optimizer adam(float paperLearningRate, float beta1, float beta2) {
    return decayed(new Adam(learningRateOr(paperLearningRate), beta1, beta2));
  }
}
