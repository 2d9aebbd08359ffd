package org.jgan.training;

import static org.jgan.training.TrainingFixtures.changed;
import static org.jgan.training.TrainingFixtures.runOnce;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.jgan.training.TrainingFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jgan.graphs.Tensors;
import org.jgan.losses.GanInputs;
import org.jgan.losses.GanNetworks;
import org.jgan.losses.Objective;
import org.jgan.losses.ObjectiveGraph;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.losses.Role;
import org.jgan.losses.Schedule;
import org.jgan.losses.TrainPhase;
import org.jgan.graphs.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** EBGAN, continuous BGAN and alpha-GAN in the trainer, and the one-batch-per-iteration schedule. */
class PhasesTrainTheirOwnNetworkOnOneBatchTest {
  @ParameterizedTest
  @ValueSource(strings = {"ebgan", "bgan", "alpha-gan"})
  void eachPhaseChangesOnlyItsOwnNetwork(String objective) {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named(objective), 5), toyData(5), 1)) {
      GanGraph model = trainer.model();
      Session s = trainer.session();
      Map<Role, Network> all = model.networks().all();
      assertEquals(objective.equals("alpha-gan") ? 4 : 2, all.size());
      for (TrainPhase phase : model.objective().phases()) {
        Map<Role, List<float[]>> before = new java.util.EnumMap<>(Role.class);
        all.forEach((role, network) -> before.put(role, values(s, network.trainableVariables())));
        runOnce(trainer, phase);
        for (Map.Entry<Role, Network> entry : all.entrySet()) {
          boolean own = entry.getValue() == phase.network();
          assertEquals(own, changed(before.get(entry.getKey()), values(s, entry.getValue().trainableVariables())),
              objective + " " + phase.name() + " on " + entry.getKey() + " variables");
        }
      }
    }
  }

  @Test
  void alphaGanRunsItsFourPhasesInOrderOnOneBatch() {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("alpha-gan"), 3), toyData(3), 1)) {
      assertEquals(List.of("encoder", "generator", "discriminator", "code_discriminator"),
          trainer.model().objective().schedule().plan(0).stream().map(r -> r.phase().name()).toList());
      Map<String, Float> metrics = trainer.iterate();
      assertTrue(metrics.keySet().containsAll(List.of("encoder/loss", "encoder/reconstruction_l1", "generator/loss",
          "discriminator/loss", "code_discriminator/loss")), metrics.toString());
      // Four session runs, all reading real data, but one batch.
      assertEquals(new TrainingState(1, 4, 1), trainer.state());
      trainer.iterate();
      assertEquals(new TrainingState(2, 8, 2), trainer.state());
    }
  }

  /** Two phases that train nothing and report the sum of the real batch they were fed. */
  private record BatchProbe(boolean oneBatch) implements Objective {
    @Override
    public String name() {
      return "probe";
    }

    @Override
    public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
      Ops tf = in.graph().tf();
      networks.generator().apply(in.z());
      Network d = networks.discriminator();
      d.apply(in.real());
      Operand<TFloat32> sum = tf.reduceSum(in.real(), tf.constant(new int[] {0, 1}));
      TrainPhase a = new TrainPhase("a", d, Map.of("loss", sum), tf.noOp(), true);
      TrainPhase b = new TrainPhase("b", d, Map.of("loss", sum), tf.noOp(), true);
      Schedule schedule = oneBatch ? Schedule.inOrderOnOneBatch(List.of(a, b))
          : iteration -> List.of(new Schedule.PhaseRun(a, 1), new Schedule.PhaseRun(b, 1));
      return new ObjectiveGraph(List.of(a, b), schedule);
    }
  }

  @Test
  void oneBatchPerIterationFeedsEveryPhaseTheSameBatch() {
    try (Trainer trainer = new Trainer(tinySpec(new BatchProbe(true), 1), toyData(1), 1)) {
      Map<String, Float> first = trainer.iterate();
      assertEquals(first.get("a/loss"), first.get("b/loss"));
      Map<String, Float> second = trainer.iterate();
      assertEquals(second.get("a/loss"), second.get("b/loss"));
      assertNotEquals(first.get("a/loss"), second.get("a/loss"), "the next iteration reads the next batch");
      assertEquals(new TrainingState(2, 4, 2), trainer.state());
    }
    try (Trainer trainer = new Trainer(tinySpec(new BatchProbe(false), 1), toyData(1), 1)) {
      Map<String, Float> first = trainer.iterate();
      assertNotEquals(first.get("a/loss"), first.get("b/loss"), "by default each run reads the next batch");
      assertEquals(new TrainingState(1, 2, 2), trainer.state());
    }
  }

  @Test
  void alphaGanReconstructionErrorFalls() throws Exception {
    ObjectiveOptions fast = new ObjectiveOptions(null, 1e-3f, false, null, null, null, null, null);
    float[] heldOut = new float[TrainingFixtures.BATCH * 2];
    toyData(1234).fill(0, heldOut);
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("alpha-gan", fast), 11), toyData(11), 1)) {
      Operand<TFloat32> l1 = trainer.model().objective().phase("encoder").metrics().get("reconstruction_l1");
      float before = evaluate(trainer, l1, heldOut);
      trainer.trainUntil(300, List.of());
      float after = evaluate(trainer, l1, heldOut);
      System.out.println("alpha-gan reconstruction L1 on a held-out toy8 batch: " + before + " -> " + after);
      assertTrue(after < 0.5f * before, "reconstruction L1 " + before + " -> " + after);
    }
  }

  private static float evaluate(Trainer trainer, Operand<TFloat32> metric, float[] batch) {
    try (TFloat32 real = Tensors.floats(batch, TrainingFixtures.BATCH, 2);
        Result r = trainer.session().runner().feed(trainer.model().real(), real).fetch(metric).run()) {
      return Tensors.scalar(r.get(0));
    }
  }


}
