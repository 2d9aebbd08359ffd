package org.jgan.losses;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/** Builds one network's update op: the optimiser over its variables plus its moving-statistics updates. */
final class Steps {
  private Steps() {}

  static Op minimize(GraphContext graph, String name, Optimizer optimizer, Operand<TFloat32> loss, Network network) {
    Op update = optimizer.minimize(graph, name, loss, network.trainableVariables());
    if (network.updateOps().isEmpty()) {
      return update;
    }
    List<Op> all = new ArrayList<>(network.updateOps());
    all.add(update);
    return graph.tf().withControlDependencies(all).noOp();
  }
}
