package org.jgan.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jgan.graphs.optim.MomentumRamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Objectives by name: one registry, each objective's own defaults, and options it does not take refused. */
class ObjectiveRegistryTest {
  /** Options setting exactly {@code h} (to a valid value). */
  private static ObjectiveOptions setting(Hyperparameter h) {
    return new ObjectiveOptions(h == Hyperparameter.CRITIC_STEPS ? 2 : null, null, false,
        h == Hyperparameter.GRADIENT_PENALTY_WEIGHT ? 1f : null, h == Hyperparameter.CLIP ? 0.1f : null,
        h == Hyperparameter.MARGIN ? 5f : null, h == Hyperparameter.PULLING_AWAY_WEIGHT ? 0.2f : null,
        h == Hyperparameter.RECONSTRUCTION_WEIGHT ? 3f : null,
        h == Hyperparameter.MOMENTUM ? MomentumRamp.constant(0.5f) : null, null,
        h == Hyperparameter.DISCRIMINATOR_LOSS_WEIGHT ? 0.5f : null, h == Hyperparameter.SIMULTANEOUS_UPDATES);
  }

  static List<Arguments> everyObjectiveAndHyperparameter() {
    List<Arguments> all = new ArrayList<>();
    for (ObjectiveType type : Objectives.TYPES) {
      for (Hyperparameter h : Hyperparameter.values()) {
        all.add(Arguments.of(type.name(), h));
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyObjectiveAndHyperparameter")
  void anOptionIsReadOrRefusedNamingTheFlagAndTheObjective(String name, Hyperparameter h) {
    ObjectiveType type = Objectives.type(name);
    // The divergence and samples per z travel beside the options: only the set of given settings shows them.
    boolean inOptions = h.isSetIn(setting(h));
    if (type.takes(h)) {
      type.requireTakes(Set.of(h));
      if (inOptions) {
        assertEquals(name, Objectives.named(name, setting(h)).name());
      }
      return;
    }
    OptionNotTakenException e = assertThrows(OptionNotTakenException.class, () -> type.requireTakes(Set.of(h)));
    assertTrue(e.getMessage().startsWith(h.flag() + ": objective '" + name + "' does not take it"), e.getMessage());
    assertTrue(e.getMessage().contains("taken by " + String.join(", ", Objectives.taking(h)) + ")"), e.getMessage());
    if (inOptions) {
      assertThrows(OptionNotTakenException.class, () -> Objectives.named(name, setting(h)));
    }
  }

  @Test
  void everyHyperparameterIsTakenBySomeObjectiveAndTheMessageSaysWhich() {
    for (Hyperparameter h : Hyperparameter.values()) {
      assertFalse(Objectives.taking(h).isEmpty(), h + " is read by no objective");
    }
    assertEquals(List.of("wgan-gp", "bgan", "bgan-discrete", "bgan-reinforce"),
        Objectives.taking(Hyperparameter.GRADIENT_PENALTY_WEIGHT));
    assertEquals(List.of("bgan-discrete", "bgan-reinforce"), Objectives.taking(Hyperparameter.DIVERGENCE));
    assertEquals(List.of("ebgan"), Objectives.taking(Hyperparameter.MARGIN));
  }

  @Test
  void theOptionsOnceSilentlyIgnoredAreRefused() {
    // Before the registry, gan read neither a clip nor a gradient-penalty weight, and wgan-gp no margin, silently.
    assertThrows(OptionNotTakenException.class, () -> Objectives.named("gan", setting(Hyperparameter.CLIP)));
    assertThrows(OptionNotTakenException.class, () -> Objectives.named("gan", setting(Hyperparameter.GRADIENT_PENALTY_WEIGHT)));
    OptionNotTakenException e = assertThrows(OptionNotTakenException.class,
        () -> Objectives.named("wgan-gp", setting(Hyperparameter.MARGIN)));
    assertEquals("--margin: objective 'wgan-gp' does not take it (energy margin; taken by ebgan); its options:"
        + " --critic-steps, --gp-weight (and the learning rate and its decay)", e.getMessage());
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Objectives.named("vae"));
    assertEquals("unknown objective 'vae' (known: " + String.join(", ", Objectives.NAMES) + ")", e.getMessage());
    assertTrue(Objectives.NAMES.containsAll(List.of("gan", "wgan-gp", "lsgan", "hinge", "ragan")), Objectives.NAMES.toString());
  }

  @Test
  void eachNameBuildsTheObjectiveOfThatName() {
    for (String name : Objectives.NAMES) {
      assertEquals(name, Objectives.named(name).name());
    }
    assertInstanceOf(LeastSquaresGan.class, Objectives.named("lsgan"));
    assertInstanceOf(HingeGan.class, Objectives.named("hinge"));
    assertInstanceOf(RelativisticAverageGan.class, Objectives.named("ragan"));
  }

  @Test
  void discreteDataAndToySettingsAreTheRegistrysProperties() {
    assertTrue(Objectives.isDiscrete("bgan-discrete") && Objectives.isDiscrete("bgan-reinforce"));
    assertFalse(Objectives.isDiscrete("lsgan"));
    ObjectiveOptions toy = Objectives.type("wgan-gp").toyDefaults();
    assertEquals(WganGp.TOY_LEARNING_RATE, toy.learningRate());
    assertEquals(WganGp.TOY_LAMBDA, toy.gradientPenaltyWeight());
    assertTrue(toy.linearDecay());
    assertEquals(ObjectiveOptions.PAPER_DEFAULTS, Objectives.type("gan").toyDefaults());
    assertEquals(HingeGan.TOY_LEARNING_RATE, Objectives.type("hinge").toyDefaults().learningRate());
    assertThrows(IllegalArgumentException.class,
        () -> Objectives.discrete("lsgan", ObjectiveOptions.PAPER_DEFAULTS, DiscreteBgan.Kind.BINARY, FDivergence.GAN, 4));
  }
}
