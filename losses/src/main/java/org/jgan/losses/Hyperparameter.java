package org.jgan.losses;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The settings that only some objectives read: the registry's one list of them. Each objective's
 * {@link ObjectiveType} lists the ones it takes; setting another is refused rather than silently
 * ignored. (The learning rate and its decay are not listed: every objective has optimisers.) Most
 * travel in {@link ObjectiveOptions}; discrete BGAN's divergence and samples per z are arguments of
 * {@link Objectives#discrete} instead, so whoever resolves them says when they are set.
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
  SIMULTANEOUS_UPDATES("--schedule simultaneous", "simultaneous updates", ObjectiveOptions::simultaneous),
  DIVERGENCE("--divergence", "discrete BGAN's f-divergence", null),
  SAMPLES_PER_Z("--samples-per-z", "samples drawn per z", null);

  private final String flag;
  private final String description;
  /** Null for a setting that does not travel in {@link ObjectiveOptions}. */
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

  /**
   * Whether {@code options} set it (rather than leaving the objective's default); always false for
   * {@link #DIVERGENCE} and {@link #SAMPLES_PER_Z}, which options do not carry.
   */
  public boolean isSetIn(ObjectiveOptions options) {
    return isSet != null && isSet.test(options);
  }

  /** The hyper-parameters {@code options} set. */
  public static Set<Hyperparameter> setIn(ObjectiveOptions options) {
    Set<Hyperparameter> set = EnumSet.noneOf(Hyperparameter.class);
    for (Hyperparameter h : values()) {
      if (h.isSetIn(options)) {
        set.add(h);
      }
    }
    return set;
  }
}
