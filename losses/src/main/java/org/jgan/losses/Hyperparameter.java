package org.jgan.losses;

import java.util.function.Predicate;

/**
 * The settings of {@link ObjectiveOptions} that only some objectives read. Each objective's
 * {@link ObjectiveType} lists the ones it takes; setting another is refused rather than silently
 * ignored. (The learning rate and its decay are not listed: every objective has optimisers.)
 */
public enum Hyperparameter {
  CRITIC_STEPS("--critic-steps", "critic (discriminator) updates per generator update", o -> o.criticSteps() != null),
  GRADIENT_PENALTY_WEIGHT("--gp-weight", "gradient-penalty weight", o -> o.gradientPenaltyWeight() != null),
  CLIP("--clip", "weight-clipping bound", o -> o.clip() != null),
  MARGIN("--margin", "energy margin", o -> o.margin() != null),
  PULLING_AWAY_WEIGHT("--pt-weight", "pulling-away-term weight", o -> o.ptWeight() != null),
  RECONSTRUCTION_WEIGHT("--recon-weight", "reconstruction weight", o -> o.reconstructionWeight() != null),
  MOMENTUM("--optimizer momentum", "SGD with momentum", o -> o.momentum() != null),
  DISCRIMINATOR_LOSS_WEIGHT("--d-loss-weight", "discriminator loss weight", o -> o.discriminatorLossWeight() != null),
  SIMULTANEOUS_UPDATES("--schedule simultaneous", "simultaneous updates", ObjectiveOptions::simultaneous);

  private final String flag;
  private final String description;
  private final Predicate<ObjectiveOptions> isSet;

  Hyperparameter(String flag, String description, Predicate<ObjectiveOptions> isSet) {
    this.flag = flag;
    this.description = description;
    this.isSet = isSet;
  }

  /** The {@code jgan train} flag that sets it. */
  public String flag() {
    return flag;
  }

  /** What it is, in a few words. */
  public String description() {
    return description;
  }

  /** Whether {@code options} set it (rather than leaving the objective's default). */
  public boolean isSetIn(ObjectiveOptions options) {
    return isSet.test(options);
  }
}
