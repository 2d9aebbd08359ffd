package org.jgan.training;

import static org.jgan.training.TrainingFixtures.finiteData;
import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.jgan.data.BatchSource;
import org.jgan.data.ByteImages;
import org.jgan.data.PixelRange;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.graphs.optim.RmsProp;
import org.jgan.losses.Hyperparameter;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.losses.Wgan;
import org.jgan.training.Trainer.Execution;
import org.jgan.graphs.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fused iterations (one session run each, data fed or held in the graph) give bit for bit the
 * losses and variables that one session run per phase gives, on one thread.
 */
class FusedIterationsTest {
  private static final int ITERATIONS = 3;
  private static final ObjectiveOptions TWO_CRITIC_STEPS = new ObjectiveOptions(2, null, false, null, null);

  @ParameterizedTest
  @ValueSource(strings = {"gan", "wgan", "wgan-gp", "ebgan", "bgan", "alpha-gan"})
  void fusedRunsEqualSeparateRunsBitForBit(String objective) {
    // finiteData is a shuffled in-memory set crossing epochs: FUSED holds it in the graph.
    Run reference = train(objective, Execution.UNFUSED, TrainingFixtures::finiteData);
    Run fed = train(objective, Execution.FUSED_FED, TrainingFixtures::finiteData);
    Run inGraph = train(objective, Execution.FUSED, TrainingFixtures::finiteData);
    assertFalse(fed.dataInGraph);
    assertTrue(inGraph.dataInGraph);
    reference.assertSameAs(fed, objective + " fed");
    reference.assertSameAs(inGraph, objective + " data in graph");
  }

  @Test
  void eightBitImagesHeldInTheGraphEqualFedOnes() {
    // 40 random 4x4 images, of which a subset in a scrambled order: positions map through the subset.
    byte[] bytes = new byte[40 * 16];
    new java.util.Random(5).nextBytes(bytes);
    int[] subset = java.util.stream.IntStream.range(0, 36).map(i -> (i * 7) % 37 + 1).toArray();
    ByteImages images = ByteImages.inMemory("pixels", new int[] {4, 4, 1}, bytes, PixelRange.MINUS_ONE_ONE)
        .subset("some pixels", subset);
    ModelSpec spec = new ModelSpec(Objectives.named("wgan-gp", TWO_CRITIC_STEPS), new Mlp(16, 2), new int[] {4, 4, 1},
        Activation.tanh(), NoisePrior.normal(2), TrainingFixtures.BATCH, 4);
    Run reference;
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(images, TrainingFixtures.BATCH, 4), 1,
        Execution.UNFUSED)) {
      reference = Run.of(trainer, ITERATIONS);
    }
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(images, TrainingFixtures.BATCH, 4), 1)) {
      Run inGraph = Run.of(trainer, ITERATIONS);
      assertTrue(inGraph.dataInGraph);
      reference.assertSameAs(inGraph, "8-bit images");
    }
  }

  /** WGAN-GP with two critic updates on the 40 fixed points, seed 7, one thread. */
  private static Trainer wganGpOnFiniteData(Execution execution) {
    return new Trainer(tinySpec(Objectives.named("wgan-gp", TWO_CRITIC_STEPS), 7), finiteData(7), 1, execution);
  }

  @Test
  void theSetHeldInTheGraphIsNeitherCheckpointedNorNeededByARestore(@TempDir Path dir) throws Exception {
    int total = 4;
    List<Map<String, Float>> uninterrupted = new ArrayList<>();
    try (Trainer trainer = wganGpOnFiniteData(Execution.FUSED)) {
      assertTrue(trainer.dataInGraph());
      for (int i = 0; i < total; i++) {
        uninterrupted.add(trainer.iterate());
      }
    }
    // A run with fed data has no variable for the set: its checkpoint restores into a run that
    // holds the set, which then fills the set into its own new session and continues exactly.
    CheckpointStore store = new CheckpointStore(dir, 2);
    List<Map<String, Float>> resumed = new ArrayList<>();
    try (Trainer fed = wganGpOnFiniteData(Execution.FUSED_FED)) {
      assertFalse(fed.dataInGraph());
      for (int i = 0; i < total / 2; i++) {
        resumed.add(fed.iterate());
      }
      fed.save(store);
    }
    try (Trainer held = wganGpOnFiniteData(Execution.FUSED)) {
      assertTrue(held.restoreLatest(store));
      while (held.state().iteration() < total) {
        resumed.add(held.iterate());
      }
      held.save(store);
    }
    assertEquals(uninterrupted, resumed);
    // The held run's own checkpoint names its variables and not the set.
    String keys = new String(Files.readAllBytes(Path.of(store.latest().orElseThrow().modelPrefix() + ".index")),
        StandardCharsets.ISO_8859_1);
    assertTrue(keys.contains("kernel"), "the networks' variables are saved");
    assertFalse(keys.contains(IterationBatches.RESIDENT_NAME), "the training set is not saved");
  }

  @Test
  void generatedDataIsFedAndEqual() {
    Run reference = train("wgan-gp", Execution.UNFUSED, TrainingFixtures::toyData);
    Run fused = train("wgan-gp", Execution.FUSED, TrainingFixtures::toyData);
    assertFalse(fused.dataInGraph, "toy data is drawn per batch, not held");
    reference.assertSameAs(fused, "toy8");
  }

  @Test
  void aScheduleWithSeveralCriticCountsBuildsOneChainPerCountAndStaysEqual() {
    // The WGAN paper's schedule in miniature: more critic updates early and every fourth iteration.
    Run reference = trainWith(Execution.UNFUSED);
    Run fused = trainWith(Execution.FUSED);
    reference.assertSameAs(fused, "varying critic count");
  }

  @Test
  void aPlanLongerThanAChainRunsAsSeveralChainsAndStaysEqual() {
    int critics = FusedIterations.MAX_RUNS_PER_CHAIN + 3;
    Run reference = trainWith(Execution.UNFUSED, iteration -> iteration == 0 ? critics : 2, 2);
    Run fused = trainWith(Execution.FUSED, iteration -> iteration == 0 ? critics : 2, 2);
    reference.assertSameAs(fused, critics + " critic updates");
    assertEquals(new TrainingState(2, critics + 1 + 3, critics + 2), fused.state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UNFUSED", "FUSED_FED", "FUSED"})
  void iterationsWithoutMetricsLeaveTheSameVariablesAndLoggedScalars(String mode) {
    Execution execution = Execution.valueOf(mode);
    Spec every = new Spec(execution, iteration -> true);
    Spec third = new Spec(execution, iteration -> iteration % 3 == 0);
    Run reference = every.train();
    Run sparse = third.train();
    for (int i = 0; i < reference.metrics.size(); i++) {
      if ((i + 1) % 3 == 0) {
        assertEquals(reference.metrics.get(i), sparse.metrics.get(i), mode + ": scalars of iteration " + (i + 1));
        assertFalse(sparse.metrics.get(i).isEmpty());
      } else {
        assertEquals(Map.of(), sparse.metrics.get(i), mode + ": nothing fetched in iteration " + (i + 1));
      }
    }
    reference.assertSameVariablesAs(sparse, mode + " scalars every third iteration");
  }

  @Test
  void trainUntilFetchesScalarsWhereAListenerWantsThemAndAtTheEnd() throws Exception {
    List<Map<String, Float>> seen = new ArrayList<>();
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("wgan-gp", TWO_CRITIC_STEPS), 7), finiteData(7), 1)) {
      trainer.trainUntil(5, List.of(TrainingListener.wantingMetrics(step -> step == 2,
          (t, metrics) -> seen.add(Map.copyOf(metrics)))));
    }
    assertEquals(5, seen.size());
    List<Boolean> fetched = seen.stream().map(m -> !m.isEmpty()).toList();
    assertEquals(List.of(false, true, false, false, true), fetched, "iteration 2, which it asked for, and the last");
  }

  /** A WGAN-GP run of seven iterations, two critic updates each, fetching scalars where {@code withMetrics} says. */
  private record Spec(Execution execution, java.util.function.LongPredicate withMetrics) {
    Run train() {
      try (Trainer trainer = new Trainer(tinySpec(Objectives.named("wgan-gp", TWO_CRITIC_STEPS), 7), finiteData(7), 1,
          execution)) {
        return Run.of(trainer, 7, withMetrics);
      }
    }
  }

  private static Run trainWith(Execution execution) {
    return trainWith(execution, iteration -> iteration < 2 || iteration % 4 == 0 ? 4 : 1, 7);
  }

  private static Run trainWith(Execution execution, java.util.function.LongToIntFunction criticSteps, int iterations) {
    Wgan wgan = new Wgan(0.05f, new RmsProp(5e-3f), new RmsProp(5e-3f), criticSteps);
    try (Trainer trainer = new Trainer(tinySpec(wgan, 3), finiteData(3), 1, execution)) {
      return Run.of(trainer, iterations);
    }
  }

  @Test
  void stateCountsEveryRunAndBatchAsSeparateRunsDo() {
    try (Trainer unfused = new Trainer(tinySpec(Objectives.named("wgan", TWO_CRITIC_STEPS), 2), finiteData(2), 1,
        Execution.UNFUSED); Trainer fused = new Trainer(tinySpec(Objectives.named("wgan", TWO_CRITIC_STEPS), 2),
        finiteData(2), 1, Execution.FUSED)) {
      for (int i = 0; i < 3; i++) {
        unfused.iterate();
        fused.iterate();
      }
      assertEquals(new TrainingState(3, 9, 6), unfused.state());
      assertEquals(unfused.state(), fused.state());
    }
  }

  private static Run train(String objective, Execution execution, LongFunction<BatchSource> data) {
    // Two critic updates per iteration where the objective takes a critic count, so a plan chains several phases.
    ObjectiveOptions options = Objectives.type(objective).takes(Hyperparameter.CRITIC_STEPS) ? TWO_CRITIC_STEPS
        : ObjectiveOptions.PAPER_DEFAULTS;
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named(objective, options), 7), data.apply(7), 1,
        execution)) {
      return Run.of(trainer, ITERATIONS);
    }
  }

  /** What a run produced: every iteration's scalars and, at the end, every variable's bytes by name. */
  private record Run(List<Map<String, Float>> metrics, Map<String, byte[]> variables, TrainingState state,
      boolean dataInGraph) {
    static Run of(Trainer trainer, int iterations) {
      return of(trainer, iterations, iteration -> true);
    }

    /** {@code iterations} iterations, fetching scalars after those (counted from 1) {@code withMetrics} accepts. */
    static Run of(Trainer trainer, int iterations, java.util.function.LongPredicate withMetrics) {
      List<Map<String, Float>> metrics = new ArrayList<>();
      for (int i = 0; i < iterations; i++) {
        metrics.add(trainer.iterate(withMetrics.test(i + 1)));
      }
      return new Run(metrics, StateValues.bytesByName(trainer), trainer.state(), trainer.dataInGraph());
    }

    void assertSameAs(Run other, String what) {
      assertEquals(metrics, other.metrics, what + ": scalars");
      assertSameVariablesAs(other, what);
    }

    void assertSameVariablesAs(Run other, String what) {
      assertEquals(variables.keySet(), other.variables.keySet(), what + ": variables");
      variables.forEach((name, bytes) -> assertArrayEquals(bytes, other.variables.get(name), what + ": " + name));
      assertEquals(state, other.state, what + ": state");
    }
  }
}
