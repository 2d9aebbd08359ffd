package org.jgan.losses;

import java.util.Map;
import org.jgan.graphs.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * One kind of update in an objective: the network it trains, the op that applies one update
 * (including any per-step extra such as weight clipping), and the scalars to log when it runs.
 *
 * @param name short name used in logs ("critic", "generator")
 * @param network the network whose variables {@code step} updates (and only those)
 * @param metrics scalars to fetch with each run; always holds {@code "loss"}
 * @param step the op that performs one update
 * @param usesRealData whether the step reads a fresh batch of real data
 */
public record TrainPhase(String name, Network network, Map<String, Operand<TFloat32>> metrics, Op step,
    boolean usesRealData) {
  public TrainPhase {
    if (!metrics.containsKey("loss")) {
      throw new IllegalArgumentException("phase '" + name + "' must expose its loss");
    }
  }

  /** The loss this phase's update lowers. */
  public Operand<TFloat32> loss() {
    return metrics.get("loss");
  }
}
