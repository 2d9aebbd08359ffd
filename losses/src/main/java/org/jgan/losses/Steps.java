package org.jgan.losses;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * Builds the one op of simultaneous updates of two networks; a single network's update op is
 * {@link Optimizer#minimize(GraphContext, String, Operand, Network)}.
 */
final class Steps {
  private Steps() {}

  /**
   * One op updating both networks from their losses as simultaneous gradient descent: every
   * gradient is computed (from one forward pass, so the same z and dropout masks) before either
   * optimiser writes a weight.
   */
  static Op minimizeSimultaneously(GraphContext graph, Optimizer firstOptimizer, String firstName,
      Operand<TFloat32> firstLoss, Network first, Optimizer secondOptimizer, String secondName,
      Operand<TFloat32> secondLoss, Network second) {
    java.util.Optional<List<List<Operand<TFloat32>>>> ready = graph.towerGradients().toApply(graph,
        List.of(firstLoss, secondLoss), List.of(
        Gradients.of(graph, firstName + "_gradients", firstLoss, first.trainableVariables()),
        Gradients.of(graph, secondName + "_gradients", secondLoss, second.trainableVariables())));
    if (ready.isEmpty()) {
      return graph.tf().noOp(); // a tower before the last: the last one applies every tower's gradients
    }
    List<List<Operand<TFloat32>>> grads = ready.get();
    List<Op> all = new ArrayList<>(first.updateOps());
    all.addAll(second.updateOps());
    graph.onStateDevice(() -> {
      all.add(firstOptimizer.applyGradients(graph, firstName, first.trainableVariables(), grads.get(0)));
      all.add(secondOptimizer.applyGradients(graph, secondName, second.trainableVariables(), grads.get(1)));
      return all;
    });
    return graph.tf().withControlDependencies(all).noOp();
  }
}
