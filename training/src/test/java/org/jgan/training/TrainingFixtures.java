package org.jgan.training;

import java.util.ArrayList;
import java.util.List;
import org.jgan.data.BatchSource;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Tiny models and data for trainer tests. */
final class TrainingFixtures {
  static final int BATCH = 16;

  private TrainingFixtures() {}

  static ModelSpec tinySpec(Objective objective, long seed) {
    return new ModelSpec(objective, new Mlp(16, 2), new int[] {2}, Activation.identity(), NoisePrior.normal(2), BATCH,
        seed);
  }

  static BatchSource toyData(long seed) {
    return ToyDistribution.EIGHT_GAUSSIANS.batches(BATCH, seed);
  }

  /** 40 fixed points: 2.5 batches per epoch, so a few iterations cross several epochs. */
  static BatchSource finiteData(long seed) {
    float[] values = ToyDistribution.TWENTY_FIVE_GAUSSIANS.sample(new java.util.SplittableRandom(99), 40);
    return new ShuffledBatches(new Dataset("points", new int[] {2}, values, null), BATCH, seed);
  }

  /** Current values of each variable, in order. */
  static List<float[]> values(Session session, List<Variable<TFloat32>> variables) {
    List<float[]> result = new ArrayList<>();
    for (Variable<TFloat32> v : variables) {
      try (Result r = session.runner().fetch(v).run()) {
        result.add(Tensors.toFloats(r.get(0)));
      }
    }
    return result;
  }

  /** Runs {@code phase}'s update once in training mode on a fixed toy batch. */
  static void runOnce(Trainer trainer, org.jgan.losses.TrainPhase phase) {
    float[] batch = new float[BATCH * 2];
    toyData(1).fill(0, batch);
    try (TFloat32 real = Tensors.floats(batch, BATCH, 2);
        org.tensorflow.types.TBool training = org.tensorflow.types.TBool.scalarOf(true)) {
      trainer.session().runner().feed(trainer.model().real(), real)
          .feed(trainer.model().context().trainingFlag(), training).addTarget(phase.step()).run().close();
    }
  }

  /** Whether any variable's values differ between the two snapshots. */
  static boolean changed(List<float[]> before, List<float[]> after) {
    for (int i = 0; i < before.size(); i++) {
      if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
        return true;
      }
    }
    return false;
  }
}
