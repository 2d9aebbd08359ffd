package org.jgan.losses;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of objectives known by name, each built with its paper's settings unless options
 * override them. Adding an objective: one class declaring its {@link ObjectiveType}, and one line
 * in {@link #TYPES}.
 */
public final class Objectives {
  /** Every objective known by name, in the order the command line lists them. */
  public static final List<ObjectiveType> TYPES = List.of(
      Gan.MINIMAX_TYPE,
      Gan.NON_SATURATING_TYPE,
      Wgan.TYPE,
      WganGp.TYPE,
      Ebgan.TYPE,
      Bgan.TYPE,
      AlphaGan.TYPE,
      DiscreteBgan.IMPORTANCE_TYPE,
      DiscreteBgan.REINFORCE_TYPE,
      LeastSquaresGan.TYPE,
      HingeGan.TYPE,
      RelativisticAverageGan.TYPE);

  /** Every name {@link #named} accepts. */
  public static final List<String> NAMES = TYPES.stream().map(ObjectiveType::name).toList();

  private Objectives() {}

  /** The objective type called {@code name}; an unknown name throws an IllegalArgumentException listing the known ones. */
  public static ObjectiveType type(String name) {
    for (ObjectiveType type : TYPES) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown objective '" + name + "' (known: " + String.join(", ", NAMES) + ")");
  }

  /** The objective called {@code name}, as its paper set it up. */
  public static Objective named(String name) {
    return named(name, ObjectiveOptions.PAPER_DEFAULTS);
  }

  /**
   * The objective called {@code name} with {@code options} applied over the paper's settings; an
   * option it does not take throws an {@link OptionNotTakenException} naming the flag.
   */
  public static Objective named(String name, ObjectiveOptions options) {
    return type(name).create(options);
  }

  /** The names of the objectives that read {@code hyperparameter}, in registry order. */
  public static List<String> taking(Hyperparameter hyperparameter) {
    return TYPES.stream().filter(type -> type.takes(hyperparameter)).map(ObjectiveType::name).toList();
  }

  /** True for the objectives of discrete data, whose generators output logits of a distribution. */
  public static boolean isDiscrete(String name) {
    return type(name).discrete();
  }

  /**
   * Discrete BGAN ({@code bgan-discrete}: importance weights; {@code bgan-reinforce}: REINFORCE
   * with a baseline) for data of {@code kind}, with the divergence and M samples per z.
   */
  public static Objective discrete(String name, ObjectiveOptions options, DiscreteBgan.Kind kind,
      FDivergence divergence, int samplesPerZ) {
    ObjectiveType type = type(name);
    if (!type.discrete()) {
      throw new IllegalArgumentException("'" + name + "' is not a discrete objective ("
          + TYPES.stream().filter(ObjectiveType::discrete).map(ObjectiveType::name).collect(Collectors.joining(", ")) + ")");
    }
    type.requireTakes(options);
    return DiscreteBgan.create(DiscreteBgan.estimatorOf(type), options, kind, divergence, samplesPerZ);
  }
}
