package org.jgan.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.Network;
import org.jgan.losses.TrainPhase;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * One in-graph boolean per trained network: whether every one of its variables is finite. A
 * phase's loss is computed before its update, so a finite loss does not prove the updated weights
 * finite; this check, run before a checkpoint is saved, does.
 */
final class FiniteWeights {
  /** By network, the phase that trains it (for the message) and its check. */
  private final Map<Network, String> phaseOf = new LinkedHashMap<>();
  private final List<Operand<TBool>> checks = new ArrayList<>();

  /** Builds the checks of the networks {@code phases} train into the graph of {@code tf}. */
  FiniteWeights(Ops tf, List<TrainPhase> phases) {
    for (TrainPhase phase : phases) {
      if (phaseOf.containsKey(phase.network())) {
        continue;
      }
      phaseOf.put(phase.network(), phase.name());
      List<Operand<TBool>> each = new ArrayList<>();
      for (Variable<TFloat32> v : phase.network().variables()) {
        each.add(tf.reduceAll(tf.math.isFinite(v), tf.range(tf.constant(0), tf.rank(v), tf.constant(1))));
      }
      checks.add(tf.reduceAll(tf.stack(each), tf.constant(0)));
    }
  }

  /**
   * Fails when a network's variables are not all finite.
   *
   * @param step the iteration, counted from 1, reported in the message
   * @throws NonFiniteTrainingException naming the first such network's phase
   */
  void require(Session session, long step) {
    Session.Runner runner = session.runner();
    checks.forEach(runner::fetch);
    try (Result result = runner.run()) {
      int i = 0;
      for (Map.Entry<Network, String> entry : phaseOf.entrySet()) {
        if (!((TBool) result.get(i++)).getBoolean()) {
          throw new NonFiniteTrainingException(step, entry.getValue(), "weights",
              "hold NaN or infinity (network " + entry.getKey().name() + ")");
        }
      }
    }
  }
}
