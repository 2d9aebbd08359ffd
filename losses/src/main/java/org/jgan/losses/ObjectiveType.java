package org.jgan.losses;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One objective known by name in {@link Objectives}: how it is built from options over its
 * paper's settings, which {@link Hyperparameter}s it reads, and what it changes on the 2-D toy
 * sets. Each objective class declares its own, e.g.
 * {@code public static final ObjectiveType TYPE = ObjectiveType.of("lsgan", LeastSquaresGan::new).taking(CRITIC_STEPS)}.
 *
 * @param name the name used on the command line
 * @param factory builds the objective from options whose hyper-parameters it takes
 * @param hyperparameters the hyper-parameters it reads; any other set in the options is refused
 * @param discrete whether it trains on discrete data (its generator outputs logits)
 * @param toyDefaults the options the command line uses on the 2-D toy sets unless flags override
 *     them (learning rate, its decay and the gradient-penalty weight are read from it)
 * @param relaxedFactory for an objective of continuous data that can also train on discrete data
 *     through its generator's probabilities ({@link RelaxedWganGp}), builds that form for data of a
 *     kind; null for the others
 */
public record ObjectiveType(String name, Function<ObjectiveOptions, Objective> factory, Set<Hyperparameter> hyperparameters,
    boolean discrete, ObjectiveOptions toyDefaults,
    BiFunction<ObjectiveOptions, DiscreteBgan.Kind, Objective> relaxedFactory) {
  public ObjectiveType {
    hyperparameters = hyperparameters.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hyperparameters));
  }

  /** An objective for continuous data that takes no optional hyper-parameter and has no toy-set settings. */
  public static ObjectiveType of(String name, Function<ObjectiveOptions, Objective> factory) {
    return new ObjectiveType(name, factory, Set.of(), false, ObjectiveOptions.PAPER_DEFAULTS, null);
  }

  /** This type, also taking {@code taken}. */
  public ObjectiveType taking(Hyperparameter... taken) {
    Set<Hyperparameter> all = EnumSet.noneOf(Hyperparameter.class);
    all.addAll(hyperparameters);
    all.addAll(Set.of(taken));
    return new ObjectiveType(name, factory, all, discrete, toyDefaults, relaxedFactory);
  }

  /** This type, for discrete data. */
  public ObjectiveType forDiscreteData() {
    return new ObjectiveType(name, factory, hyperparameters, true, toyDefaults, relaxedFactory);
  }

  /** This type, with {@code options} as its settings on the 2-D toy sets. */
  public ObjectiveType onToyData(ObjectiveOptions options) {
    return new ObjectiveType(name, factory, hyperparameters, discrete, options, relaxedFactory);
  }

  /** This type, also training on discrete data in the relaxed form {@code relaxed} builds. */
  public ObjectiveType relaxingDiscreteData(BiFunction<ObjectiveOptions, DiscreteBgan.Kind, Objective> relaxed) {
    return new ObjectiveType(name, factory, hyperparameters, discrete, toyDefaults, relaxed);
  }

  /** Whether it trains on discrete data: a discrete objective, or one with a relaxed form. */
  public boolean acceptsDiscreteData() {
    return discrete || relaxedFactory != null;
  }

  /**
   * The relaxed form for discrete data of {@code kind} with {@code options} over its paper's settings;
   * an IllegalArgumentException when it has none, an {@link OptionNotTakenException} for an option it
   * does not take.
   */
  public Objective createRelaxed(ObjectiveOptions options, DiscreteBgan.Kind kind) {
    if (relaxedFactory == null) {
      throw new IllegalArgumentException("objective '" + name + "' has no relaxed form for discrete data");
    }
    requireTakes(options);
    return relaxedFactory.apply(options, kind);
  }

  /** Whether it reads {@code hyperparameter}. */
  public boolean takes(Hyperparameter hyperparameter) {
    return hyperparameters.contains(hyperparameter);
  }

  /** The objective with {@code options} over its paper's settings; an option it does not take is refused. */
  public Objective create(ObjectiveOptions options) {
    requireTakes(options);
    return factory.apply(options);
  }

  /**
   * Throws an {@link OptionNotTakenException} naming the flag, this objective and the objectives
   * that take it when {@code options} set a hyper-parameter it does not read.
   */
  public void requireTakes(ObjectiveOptions options) {
    requireTakes(Hyperparameter.setIn(options));
  }

  /**
   * Throws an {@link OptionNotTakenException} naming the flag, this objective and the objectives
   * that take it when {@code given} holds a hyper-parameter it does not read: the one check behind
   * every refusal of an objective's option, from the library, {@code jgan train} or an experiment file.
   */
  public void requireTakes(Collection<Hyperparameter> given) {
    for (Hyperparameter h : Hyperparameter.values()) {
      if (given.contains(h) && !takes(h)) {
        String own = hyperparameters.isEmpty() ? "none but the learning rate and its decay"
            : hyperparameters.stream().sorted().map(Hyperparameter::flag).collect(Collectors.joining(", "))
                + " (and the learning rate and its decay)";
        throw new OptionNotTakenException(h.flag() + ": objective '" + name + "' does not take it (" + h.description()
            + "; taken by " + String.join(", ", Objectives.taking(h)) + "); its options: " + own);
      }
    }
  }
}
