package org.jgan.graphs;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;

/**
 * The check of TF-GAN's {@code check_for_unused_update_ops}: every update op of every network
 * (batch-norm moving statistics) must run with some train op. An objective that trained a network
 * with {@code optimizer.minimize(..., network.trainableVariables())} would otherwise train fine
 * while its moving statistics stayed at their initial values, and inference would be wrong.
 */
public final class UnusedUpdateOps {
  private UnusedUpdateOps() {}

  /**
   * Throws an IllegalStateException naming the first network and update op that none of
   * {@code trainOps} runs (none of them depends on it, through data or control edges).
   */
  public static void check(Collection<Network> networks, Collection<? extends Op> trainOps) {
    Set<GraphOperation> run = ancestors(trainOps);
    for (Network network : networks) {
      for (Op update : network.updateOps()) {
        if (!run.contains((GraphOperation) update.op())) {
          throw new IllegalStateException("network '" + network.name() + "': update op '" + update.op().name()
              + "' is not run by any train op (its batch-norm statistics would never move); build the network's"
              + " update with Optimizer.minimize(graph, name, loss, network)");
        }
      }
    }
  }

  /** Every op that running {@code targets} runs: the targets and all they depend on. */
  private static Set<GraphOperation> ancestors(Collection<? extends Op> targets) {
    Set<GraphOperation> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>();
    for (Op target : targets) {
      todo.push((GraphOperation) target.op());
    }
    while (!todo.isEmpty()) {
      GraphOperation op = todo.pop();
      if (!seen.add(op)) {
        continue;
      }
      for (Operand<?> input : op.inputs()) {
        todo.push((GraphOperation) input.op());
      }
      todo.addAll(op.controlInputs());
    }
    return seen;
  }
}
