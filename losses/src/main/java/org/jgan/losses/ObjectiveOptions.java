package org.jgan.losses;

/**
 * Settings that override an objective's paper defaults; a null field keeps the default.
 *
 * @param criticSteps critic (discriminator) updates per generator update
 * @param learningRate learning rate of every optimiser of the objective
 * @param linearDecay whether learning rates fall linearly to zero over the run
 * @param gradientPenaltyWeight WGAN-GP's lambda
 * @param clip WGAN's weight-clipping bound c
 */
public record ObjectiveOptions(Integer criticSteps, Float learningRate, boolean linearDecay,
    Float gradientPenaltyWeight, Float clip) {
  /** No overrides: every objective as its paper set it up. */
  public static final ObjectiveOptions PAPER_DEFAULTS = new ObjectiveOptions(null, null, false, null, null);

  public ObjectiveOptions {
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
  }

  float learningRateOr(float paperValue) {
    return learningRate == null ? paperValue : learningRate;
  }

  int criticStepsOr(int paperValue) {
    return criticSteps == null ? paperValue : criticSteps;
  }
}
