package org.jgan.training;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.losses.GanInputs;
import org.jgan.losses.GanNetworks;
import org.jgan.losses.ObjectiveGraph;
import org.jgan.losses.Schedule;
import org.jgan.losses.TrainPhase;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A training graph replicated over {@link Towers} (in-graph replication, synchronous data parallelism).
 *
 * <p>The variables are built once, on the state device. Tower i, on its device, takes rows
 * [i b, (i + 1) b) of the fed batch (b = batch / towers) and draws its z and every other random
 * number as those rows of the single-machine graph's draws (see {@link GraphContext}); on them it
 * builds the whole objective, its own per-example terms included (gradient penalty, importance
 * weights). Each update op averages the towers' gradients and is applied once (see
 * {@link org.jgan.graphs.TowerGradients}); each logged scalar is the towers' mean. Variable names are
 * the single-machine graph's, so checkpoints move between the two.
 *
 * <p>What a tower computes over its slice alone differs from the whole batch's: batch-norm
 * statistics, EBGAN's pulling-away term, the REINFORCE baseline's batch estimate. Every data-parallel
 * trainer shares this; the per-example objectives match one machine to float tolerance.
 */
public final class ReplicatedGanGraph {
  private ReplicatedGanGraph() {}

  /**
   * Builds the training graph of {@code spec} into {@code graph}, one tower per device of {@code towers}.
   *
   * @throws IllegalArgumentException when the batch does not split evenly over the towers
   */
  public static GanGraph build(Graph graph, ModelSpec spec, Towers towers) {
    int n = towers.count();
    if (spec.batchSize() % n != 0) {
      throw new IllegalArgumentException("batch size " + spec.batchSize() + " does not split evenly over " + n
          + " towers; choose a multiple of " + n);
    }
    int slice = spec.batchSize() / n;
    GraphContext ctx = new GraphContext(graph, spec.seed());
    ctx.placeStateOn(towers.state());
    GanNetworks networks = GanGraph.networks(ctx, spec);
    Placeholder<TFloat32> real = GanGraph.realInput(ctx, spec);
    List<ObjectiveGraph> built = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ctx.beginTower(i, n, towers.towers().get(i));
      Ops tf = ctx.tf();
      int rank = spec.exampleShape().length + 1;
      long[] begin = new long[rank];
      long[] size = new long[rank];
      java.util.Arrays.fill(size, -1);
      begin[0] = (long) i * slice;
      size[0] = slice;
      Operand<TFloat32> realSlice = tf.slice(real, tf.constant(begin), tf.constant(size));
      Operand<TFloat32> z = spec.prior().sample(ctx, slice);
      built.add(spec.objective().build(new GanInputs(ctx, realSlice, z, spec.prior(), slice), networks));
    }
    ctx.endTowers();
    return GanGraph.withSamplingHead(ctx, spec, networks, real, combine(ctx, built));
  }

  /**
   * One objective graph over the towers': each phase the last tower's (its step applies every tower's
   * averaged gradients), its scalars the towers' means, the last tower's schedule on these phases.
   */
  private static ObjectiveGraph combine(GraphContext ctx, List<ObjectiveGraph> towers) {
    ObjectiveGraph last = towers.get(towers.size() - 1);
    Map<TrainPhase, TrainPhase> combined = new IdentityHashMap<>();
    List<TrainPhase> phases = new ArrayList<>();
    Ops tf = ctx.onStateDevice(ctx::tf);
    for (int p = 0; p < last.phases().size(); p++) {
      TrainPhase phase = last.phases().get(p);
      Map<String, Operand<TFloat32>> metrics = new LinkedHashMap<>();
      for (String name : phase.metrics().keySet()) {
        List<Operand<TFloat32>> each = new ArrayList<>();
        for (ObjectiveGraph tower : towers) {
          each.add(tower.phases().get(p).metrics().get(name));
        }
        metrics.put(name, tf.math.mean(tf.stack(each), tf.constant(0)));
      }
      TrainPhase merged = new TrainPhase(phase.name(), phase.network(), metrics, phase.step(), phase.usesRealData());
      combined.put(phase, merged);
      phases.add(merged);
    }
    Schedule schedule = last.schedule();
    Schedule remapped = new Schedule() {
      @Override
      public List<PhaseRun> plan(long iteration) {
        return schedule.plan(iteration).stream().map(run -> new PhaseRun(combined.get(run.phase()), run.repeats()))
            .toList();
      }

      @Override
      public boolean oneBatchPerIteration() {
        return schedule.oneBatchPerIteration();
      }
    };
    return new ObjectiveGraph(List.copyOf(phases), remapped);
  }
}
