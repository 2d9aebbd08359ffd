package org.jgan.graphs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Where the update ops of a graph's towers meet: synchronous data parallelism with in-graph replication.
 *
 * <p>Each tower builds the whole objective on its slice of the batch, so each asks for the same
 * updates in the same order. Update k of towers 0 to n - 2 only leaves its gradients here (that
 * tower's update op is a no-op); update k of the last tower averages them with its own, each
 * average available only once every tower's gradients and losses are computed (no weight changes
 * while a tower still reads it), and applies the averages once. Outside towers the gradients pass
 * straight through {@link Optimizer#afterAll}.
 */
public final class TowerGradients {
  /** By update index within a tower: every earlier tower's losses and gradients of that update. */
  private final List<Pending> pending = new ArrayList<>();
  private int update;

  /** Gradients and losses of one update, summed over the towers built so far. */
  private record Pending(List<Operand<TFloat32>> losses, List<List<List<Operand<TFloat32>>>> gradients) {}

  void beginTower() {
    update = 0;
  }

  /** Checks that the last tower built every update the first did, and forgets them. */
  void endTowers() {
    if (update != pending.size()) {
      throw new IllegalStateException(pending.size() + " updates built by the first tower, " + update + " by the last");
    }
    pending.clear();
    update = 0;
  }

  /**
   * The gradients to apply for one update lowering {@code losses}, {@code gradients} holding one list
   * per network (the variables of each, in order): outside towers, {@code gradients} once all are
   * computed; in the last tower, each averaged over the towers; in an earlier tower, empty (build no
   * update: the last tower applies it).
   */
  public Optional<List<List<Operand<TFloat32>>>> toApply(GraphContext graph, List<Operand<TFloat32>> losses,
      List<List<Operand<TFloat32>>> gradients) {
    TowerScope tower = graph.tower();
    if (tower == null) {
      return Optional.of(Optimizer.afterAll(graph, losses, gradients));
    }
    int k = update++;
    if (tower.index() == 0) {
      pending.add(new Pending(new ArrayList<>(), new ArrayList<>()));
    }
    if (k >= pending.size()) {
      throw new IllegalStateException("tower " + tower.index() + " builds more updates than the first tower");
    }
    Pending mine = pending.get(k);
    mine.losses().addAll(losses);
    mine.gradients().add(gradients);
    if (!tower.last()) {
      return Optional.empty();
    }
    return Optional.of(graph.onStateDevice(() -> average(graph, mine)));
  }

  private static List<List<Operand<TFloat32>>> average(GraphContext graph, Pending all) {
    Ops tf = graph.tf();
    List<List<Operand<TFloat32>>> byNetwork = all.gradients().get(0);
    int towers = all.gradients().size();
    List<List<Operand<TFloat32>>> averaged = new ArrayList<>();
    for (int net = 0; net < byNetwork.size(); net++) {
      List<Operand<TFloat32>> each = new ArrayList<>();
      for (int v = 0; v < byNetwork.get(net).size(); v++) {
        List<Operand<TFloat32>> perTower = new ArrayList<>();
        for (List<List<Operand<TFloat32>>> tower : all.gradients()) {
          perTower.add(tower.get(net).get(v));
        }
        // The mean of equal slices' mean losses is the whole batch's: the gradient of their mean is
        // the whole batch's gradient, up to the order of the sums.
        each.add(tf.math.mul(tf.math.addN(perTower), tf.constant(1f / towers)));
      }
      averaged.add(each);
    }
    return Optimizer.afterAll(graph, all.losses(), averaged);
  }
}
