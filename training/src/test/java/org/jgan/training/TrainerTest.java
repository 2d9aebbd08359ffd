package org.jgan.training;

import static org.jgan.training.TrainingFixtures.changed;
import static org.jgan.training.TrainingFixtures.runOnce;

import static org.jgan.training.TrainingFixtures.finiteData;
import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.jgan.training.TrainingFixtures.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.CheckpointStore;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.losses.TrainPhase;
import org.jgan.losses.Wgan;
import org.jgan.graphs.optim.RmsProp;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.Session;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** The trainer and every objective's update ops, on tiny models. */
class TrainerTest {
  private static final ObjectiveOptions TWO_CRITIC_STEPS = new ObjectiveOptions(2, null, false, null, null);

  @ParameterizedTest
  @ValueSource(strings = {"gan", "gan-ns", "wgan", "wgan-gp"})
  void eachPhaseChangesOnlyItsOwnNetwork(String objective) {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named(objective, TWO_CRITIC_STEPS), 5), toyData(5), 1)) {
      GanGraph model = trainer.model();
      Session s = trainer.session();
      List<Variable<TFloat32>> g = model.networks().generator().trainableVariables();
      List<Variable<TFloat32>> d = model.networks().discriminator().trainableVariables();
      for (TrainPhase phase : model.objective().phases()) {
        List<float[]> gBefore = values(s, g);
        List<float[]> dBefore = values(s, d);
        runOnce(trainer, phase);
        boolean trainsGenerator = phase.network() == model.networks().generator();
        assertEquals(!trainsGenerator, changed(dBefore, values(s, d)), objective + " " + phase.name() + ": critic variables");
        assertEquals(trainsGenerator, changed(gBefore, values(s, g)), objective + " " + phase.name() + ": generator variables");
      }
    }
  }



  @Test
  void wganCriticParametersStayInsideTheClipBox() {
    float c = 0.01f;
    Wgan wgan = new Wgan(c, new RmsProp(5e-2f), new RmsProp(5e-5f), iteration -> 3);
    try (Trainer trainer = new Trainer(tinySpec(wgan, 2), toyData(2), 1)) {
      List<Variable<TFloat32>> critic = trainer.model().networks().discriminator().trainableVariables();
      float before = maxAbs(values(trainer.session(), critic));
      assertTrue(before > c, "Glorot initial weights exceed c, so clipping is observable: " + before);
      for (int i = 0; i < 3; i++) {
        trainer.iterate();
        float after = maxAbs(values(trainer.session(), critic));
        assertTrue(after <= c, "after iteration " + i + " max |w| = " + after);
        assertEquals(c, after, 1e-7f, "the large learning rate pushes some weight to the bound");
      }
    }
  }

  private static float maxAbs(List<float[]> arrays) {
    float m = 0;
    for (float[] a : arrays) {
      for (float v : a) {
        m = Math.max(m, Math.abs(v));
      }
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gan-ns", "wgan-gp"})
  void sameSeedGivesIdenticalLosses(String objective) {
    List<Map<String, Float>> first = run(objective, 7, 6);
    List<Map<String, Float>> second = run(objective, 7, 6);
    assertEquals(first, second);
    assertNotEquals(first, run(objective, 8, 6), "a different seed must change the run");
  }

  /** Linear learning-rate decay on, so progress (iteration / planned) must survive a resume too. */
  private static final ObjectiveOptions DECAY = new ObjectiveOptions(null, null, true, null, null);

  private static List<Map<String, Float>> run(String objective, long seed, int iterations) {
    List<Map<String, Float>> losses = new ArrayList<>();
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named(objective, DECAY), seed), finiteData(seed), 2)) {
      trainer.planIterations(iterations);
      for (int i = 0; i < iterations; i++) {
        losses.add(trainer.iterate());
      }
    }
    return losses;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gan", "wgan-gp"})
  void resumedRunMatchesUninterruptedRun(String objective, @TempDir Path dir) throws Exception {
    int total = 8;
    List<Map<String, Float>> uninterrupted = run(objective, 3, total);

    CheckpointStore store = new CheckpointStore(dir, 2);
    List<Map<String, Float>> resumed = new ArrayList<>();
    try (Trainer first = new Trainer(tinySpec(Objectives.named(objective, DECAY), 3), finiteData(3), 2)) {
      first.planIterations(total);
      for (int i = 0; i < total / 2; i++) {
        resumed.add(first.iterate());
      }
      first.save(store);
      first.iterate(); // progress lost in the "crash": not saved
    }
    try (Trainer second = new Trainer(tinySpec(Objectives.named(objective, DECAY), 3), finiteData(3), 2)) {
      second.planIterations(total);
      assertTrue(second.restoreLatest(store));
      assertEquals(total / 2, second.state().iteration());
      while (second.state().iteration() < total) {
        resumed.add(second.iterate());
      }
    }
    assertEquals(uninterrupted, resumed);
  }

  @Test
  void restoreFindsNothingInAnEmptyStore(@TempDir Path dir) throws Exception {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan"), 1), toyData(1), 1)) {
      assertFalse(trainer.restoreLatest(new CheckpointStore(dir.resolve("none"), 1)));
      assertEquals(TrainingState.START, trainer.state());
    }
  }

  @Test
  void restoreSkipsACheckpointWhoseTrainerStateIsMalformed(@TempDir Path dir) throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 2);
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan"), 1), toyData(1), 1)) {
      trainer.iterate();
      trainer.save(store);
      trainer.iterate();
      CheckpointStore.Checkpoint second = trainer.save(store);
      java.nio.file.Path stateFile = second.folder().resolve("state.properties");
      java.nio.file.Files.writeString(stateFile,
          java.nio.file.Files.readString(stateFile).replaceAll("(?m)^runs=.*$", "runs=12x"));
    }
    List<String> skipped = new ArrayList<>();
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan"), 1), toyData(1), 1)) {
      assertTrue(trainer.restoreLatest(store, skipped::add));
      assertEquals(1, trainer.state().iteration(), "the checkpoint before the malformed one");
    }
    assertEquals(1, skipped.size(), skipped.toString());
    assertTrue(skipped.get(0).contains("'runs' is not a whole number ('12x')"), skipped.get(0));
  }

  @Test
  void wganGpLogsItsPenaltyAndScheduleRunsFiveCriticSteps() {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("wgan-gp"), 4), toyData(4), 1)) {
      Map<String, Float> metrics = trainer.iterate();
      assertTrue(metrics.keySet().containsAll(List.of("critic/loss", "critic/gradient_penalty",
          "critic/wasserstein_estimate", "generator/loss")), metrics.toString());
      // Five critic runs read five batches; the generator run reads none.
      assertEquals(new TrainingState(1, 6, 5), trainer.state());
    }
  }
}
