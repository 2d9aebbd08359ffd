package org.jgan.losses;

import java.util.List;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Momentum;
import org.jgan.graphs.optim.Optimizer;
import org.jgan.graphs.optim.RmsProp;

/** The objectives known by name, built with their papers' settings unless options override them. */
public final class Objectives {
  /** Every name {@link #named} accepts. */
  public static final List<String> NAMES = List.of("gan", "gan-ns", "wgan", "wgan-gp", "ebgan", "bgan", "alpha-gan",
      "bgan-discrete", "bgan-reinforce");

  private Objectives() {}

  /** The objective called {@code name}, as its paper set it up. */
  public static Objective named(String name) {
    return named(name, ObjectiveOptions.PAPER_DEFAULTS);
  }

  /** The objective called {@code name} with {@code options} applied over the paper's settings. */
  public static Objective named(String name, ObjectiveOptions options) {
    if (options.usesGanRecipe() && !name.equals("gan") && !name.equals("gan-ns")) {
      throw new IllegalArgumentException("objective '" + name + "' does not take the GAN paper's SGD with momentum,"
          + " discriminator loss weight or simultaneous updates (only gan and gan-ns do)");
    }
    return switch (name) {
      case "gan" -> gan(Gan.GeneratorLoss.MINIMAX, options);
      case "gan-ns" -> gan(Gan.GeneratorLoss.NON_SATURATING, options);
      case "wgan" -> {
        float lr = options.learningRateOr(5e-5f);
        LongToIntFunction schedule = options.criticSteps() == null ? Wgan::referenceCriticSteps
            : iteration -> options.criticSteps();
        yield new Wgan(options.clip() == null ? 0.01f : options.clip(),
            decay(new RmsProp(lr), options), decay(new RmsProp(lr), options), schedule);
      }
      case "wgan-gp" -> {
        float lr = options.learningRateOr(1e-4f);
        yield new WganGp(options.gradientPenaltyWeight() == null ? 10f : options.gradientPenaltyWeight(),
            options.criticStepsOr(5), decay(new Adam(lr, 0.5f, 0.9f), options), decay(new Adam(lr, 0.5f, 0.9f), options));
      }
      case "ebgan" -> {
        float lr = options.learningRateOr(2e-4f);
        yield new Ebgan(ObjectiveOptions.or(options.margin(), 10f), ObjectiveOptions.or(options.ptWeight(), 0.1f),
            decay(new Adam(lr, 0.5f, 0.999f), options), decay(new Adam(lr, 0.5f, 0.999f), options));
      }
      case "bgan" -> {
        float lr = options.learningRateOr(2e-4f);
        yield new Bgan(ObjectiveOptions.or(options.gradientPenaltyWeight(), Bgan.DEFAULT_PENALTY_WEIGHT),
            decay(new Adam(lr, 0.5f, 0.999f), options), decay(new Adam(lr, 0.5f, 0.999f), options));
      }
      case "alpha-gan" -> {
        float lr = options.learningRateOr(2e-4f);
        yield new AlphaGan(ObjectiveOptions.or(options.reconstructionWeight(), 1f),
            decay(new Adam(lr, 0.5f, 0.999f), options), decay(new Adam(lr, 0.5f, 0.999f), options),
            decay(new Adam(lr, 0.5f, 0.999f), options), decay(new Adam(lr, 0.5f, 0.999f), options));
      }
      case "bgan-discrete", "bgan-reinforce" ->
          discrete(name, options, DiscreteBgan.Kind.BINARY, FDivergence.GAN, 20);
      default -> throw new IllegalArgumentException(
          "unknown objective '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    };
  }

  /** True for the objectives of discrete data, whose generators output logits of a distribution. */
  public static boolean isDiscrete(String name) {
    return name.equals("bgan-discrete") || name.equals("bgan-reinforce");
  }

  /**
   * Discrete BGAN ({@code bgan-discrete}: importance weights; {@code bgan-reinforce}: REINFORCE
   * with a baseline) for data of {@code kind}, with the divergence and M samples per z.
   */
  public static Objective discrete(String name, ObjectiveOptions options, DiscreteBgan.Kind kind,
      FDivergence divergence, int samplesPerZ) {
    if (!isDiscrete(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a discrete objective (bgan-discrete, bgan-reinforce)");
    }
    float lr = options.learningRateOr(1e-4f);
    DiscreteBgan.Estimator estimator = name.equals("bgan-reinforce") ? DiscreteBgan.Estimator.REINFORCE
        : DiscreteBgan.Estimator.IMPORTANCE;
    return new DiscreteBgan(kind, estimator, divergence, samplesPerZ, 0.995f,
        decay(new Adam(lr, 0.5f, 0.999f), options), decay(new Adam(lr, 0.5f, 0.999f), options));
  }

  private static Gan gan(Gan.GeneratorLoss loss, ObjectiveOptions options) {
    // DCGAN's Adam settings unless options ask for the 2014 paper's SGD with momentum (its lr 0.1).
    boolean sgd = options.momentum() != null;
    float lr = options.learningRateOr(sgd ? 0.1f : 2e-4f);
    Supplier<Optimizer> optimizer = () -> sgd ? new Momentum(lr, options.momentum()) : new Adam(lr, 0.5f, 0.999f);
    return new Gan(loss, options.criticStepsOr(1), decay(optimizer.get(), options), decay(optimizer.get(), options),
        options.discriminatorLossWeight() == null ? 1f : options.discriminatorLossWeight(),
        options.simultaneous() ? Gan.Updates.SIMULTANEOUS : Gan.Updates.ALTERNATING);
  }

  private static Optimizer decay(Optimizer optimizer, ObjectiveOptions options) {
    if (options.exponentialDecay() != null) {
      return optimizer.withExponentialDecay(options.exponentialDecay());
    }
    return options.linearDecay() ? optimizer.withLinearDecay() : optimizer;
  }
}
