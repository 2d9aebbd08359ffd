package org.jgan.training;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.jgan.training.TrainingFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.CheckpointStore;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Diverging training stops, naming step, phase and scalar, and never checkpoints non-finite weights. */
class NonFiniteTrainingTest {
  /** Adam at 1e5 drives this GAN's losses to NaN in its third iteration. */
  private static final ObjectiveOptions HUGE_LR = new ObjectiveOptions(null, 1e5f, false, null, null);

  @TempDir
  Path dir;

  @Test
  void aDivergingRunStopsAtTheFirstNonFiniteScalarAndKeepsOnlyFiniteCheckpoints() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 100);
    List<Long> logged = new ArrayList<>();
    NonFiniteTrainingException e;
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan", HUGE_LR), 1), toyData(1), 1)) {
      // A checkpoint after every iteration, as close to the divergence as a run can save.
      List<TrainingListener> listeners = List.of((t, metrics) -> {
        for (float v : metrics.values()) {
          assertTrue(Float.isFinite(v), "a listener never sees a non-finite scalar: " + metrics);
        }
        logged.add(t.state().iteration());
        t.save(store);
      });
      trainer.save(store);
      e = assertThrows(NonFiniteTrainingException.class, () -> trainer.trainUntil(50, listeners));
    }
    assertTrue(e.step() >= 1 && e.step() <= 50, "step " + e.step());
    assertTrue(List.of("discriminator", "generator").contains(e.phase()), e.phase());
    assertTrue(e.getMessage().startsWith("training diverged at step " + e.step() + ": " + e.phase() + "/"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    if (e.quantity().equals("weights")) {
      // The update of the step before made the weights non-finite: its save refused them.
      assertEquals(logged.isEmpty() ? 0 : logged.get(logged.size() - 1), e.step());
    } else {
      assertEquals(logged.size() + 1, e.step(), "stops in the iteration after the last one completed");
    }

    // Every checkpoint written holds finite weights; the latest restores as one.
    List<CheckpointStore.Checkpoint> saved = store.complete();
    assertTrue(saved.size() >= 2, "finite checkpoints were saved before the divergence: " + saved.size());
    assertEquals(saved.get(saved.size() - 1).step(), store.latest().orElseThrow().step());
    assertTrue(store.latest().orElseThrow().step() < e.step(), "the latest checkpoint predates the divergence");
    try (Trainer fresh = new Trainer(tinySpec(Objectives.named("gan", HUGE_LR), 1), toyData(1), 1)) {
      for (CheckpointStore.Checkpoint checkpoint : saved) {
        CheckpointStore.restore(fresh.session(), checkpoint);
        for (float[] weights : values(fresh.session(), allVariables(fresh))) {
          for (float w : weights) {
            assertTrue(Float.isFinite(w), "checkpoint " + checkpoint.step() + " holds " + w);
          }
        }
      }
    }
  }

  @Test
  void saveRefusesNonFiniteWeightsNamingThePhaseAndWritesNothing() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 3);
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan"), 2), toyData(2), 1)) {
      trainer.iterate();
      trainer.save(store);
      trainer.iterate();
      Variable<TFloat32> weight = trainer.model().networks().generator().trainableVariables().get(0);
      Ops tf = trainer.model().context().tf();
      trainer.session().runner()
          .addTarget(tf.assign(weight, tf.fill(tf.shape(weight), tf.constant(Float.NaN)))).run().close();

      NonFiniteTrainingException e = assertThrows(NonFiniteTrainingException.class, () -> trainer.save(store));
      assertEquals(2, e.step());
      assertEquals("generator", e.phase());
      assertEquals("weights", e.quantity());
      assertEquals(1, store.latest().orElseThrow().step(), "the last finite checkpoint stays the latest");
      assertEquals(1, store.complete().size());
    }
  }

  private static List<Variable<TFloat32>> allVariables(Trainer trainer) {
    List<Variable<TFloat32>> all = new ArrayList<>(trainer.model().networks().generator().variables());
    all.addAll(trainer.model().networks().discriminator().variables());
    return all;
  }
}
