package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.data.ToyDistribution;
import org.jgan.losses.Schedule;
import org.jgan.losses.TrainPhase;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/**
 * Variables are updated in place, so within one session run every op that reads a variable must be
 * ordered (by data or control edges) against every op that writes it; an unordered pair makes the
 * result depend on the order the executor happens to pick (a caller-thread session picks another).
 * Checked on every graph a training run executes: each phase's step with its scalars, each fused
 * chain, and the generator average's update and reset.
 */
class VariableAccessOrderTest {
  /** The ops that write a variable, and which of their inputs they write. */
  private static final Map<String, Set<Integer>> WRITTEN_INPUTS = Map.of(
      "Assign", Set.of(0), "AssignAdd", Set.of(0), "AssignSub", Set.of(0), "ApplyAdam", Set.of(0, 1, 2),
      "ApplyRMSProp", Set.of(0, 1, 2), "ApplyCenteredRMSProp", Set.of(0, 1, 2, 3), "ApplyMomentum", Set.of(0, 1),
      "ApplyGradientDescent", Set.of(0));
  /** Ops whose output may be the variable's own buffer: whoever reads that output reads the variable. */
  private static final Set<String> FORWARDING = Set.of("Identity", "IdentityN", "Reshape", "Squeeze", "ExpandDims",
      "StopGradient");

  @Test
  void everyReadOfAVariableIsOrderedAgainstItsWritesInEveryTrainingGraph() {
    for (String objective : List.of("wgan-gp", "gan", "wgan")) {
      TrainingSettings settings = TrainingSettings.of(objective, "toy8").batchSize(16).width(8);
      if (objective.equals("wgan-gp")) {
        settings.ema(0.99f);
      }
      ModelSpec spec = RunModel.spec(settings.resolve());
      try (Trainer trainer = new Trainer(spec, ToyDistribution.EIGHT_GAUSSIANS.batches(16, 1), 1)) {
        Schedule schedule = trainer.model().objective().schedule();
        List<FusedIterations.Chain> chains = new ArrayList<>();
        for (boolean withMetrics : new boolean[] {true, false}) {
          for (List<Schedule.PhaseRun> segment : FusedIterations.segments(schedule.plan(0),
              schedule.oneBatchPerIteration())) {
            chains.add(trainer.fusedIterations().chain(segment, schedule.oneBatchPerIteration(), withMetrics));
          }
        }
        GraphDef def = trainer.model().context().graph().toGraphDef();
        List<String> unordered = new ArrayList<>();
        for (TrainPhase phase : trainer.model().objective().phases()) {
          List<String> targets = new ArrayList<>(List.of(phase.step().op().name()));
          phase.metrics().values().forEach(m -> targets.add(m.op().name()));
          unordered.addAll(unorderedAccesses(def, targets));
        }
        for (FusedIterations.Chain chain : chains) {
          unordered.addAll(unorderedAccesses(def, List.of(chain.done().name())));
        }
        if (trainer.model().ema() != null) {
          unordered.addAll(unorderedAccesses(def, List.of(trainer.model().ema().update().op().name())));
          unordered.addAll(unorderedAccesses(def, List.of(trainer.model().ema().reset().op().name())));
        }
        assertEquals(List.of(), unordered, objective);
      }
    }
  }

  /** The check itself finds a read that nothing orders against an update of the same variable. */
  @Test
  void aReadUnorderedAgainstAnUpdateIsFound() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> v = tf.withName("v").variable(tf.constant(1f));
      var update = tf.withName("update").assign(v, tf.constant(2f));
      var read = tf.withName("read").math.mul(v, tf.constant(3f));
      var both = tf.withName("both").withControlDependencies(List.of(update, read)).noOp();
      List<String> found = unorderedAccesses(graph.toGraphDef(), List.of(both.op().name()));
      assertFalse(found.isEmpty(), "the unordered read of v");
      var ordered = tf.withName("ordered").withControlDependencies(List.of(read)).assign(v, tf.constant(4f));
      assertEquals(List.of(), unorderedAccesses(graph.toGraphDef(), List.of(ordered.op().name())));
    }
  }

  /** Every (reader, writer) and (writer, writer) pair of a variable that no path orders, among the ops the targets run. */
  static List<String> unorderedAccesses(GraphDef def, List<String> targets) {
    Map<String, NodeDef> nodes = new HashMap<>();
    Map<String, List<String[]>> consumers = new HashMap<>();
    for (NodeDef node : def.getNodeList()) {
      nodes.put(node.getName(), node);
      for (int i = 0; i < node.getInputCount(); i++) {
        if (!node.getInput(i).startsWith("^")) {
          consumers.computeIfAbsent(source(node.getInput(i)), k -> new ArrayList<>())
              .add(new String[] {node.getName(), Integer.toString(i)});
        }
      }
    }
    List<String> run = closure(nodes, targets);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < run.size(); i++) {
      index.put(run.get(i), i);
    }
    BitSet[] ancestors = ancestors(nodes, run, index);
    List<String> unordered = new ArrayList<>();
    for (String variable : run) {
      if (!nodes.get(variable).getOp().equals("VariableV2")) {
        continue;
      }
      List<String> writers = new ArrayList<>();
      Set<String> readers = new LinkedHashSet<>();
      Deque<String> pending = new ArrayDeque<>();
      for (String[] consumer : consumers.getOrDefault(variable, List.of())) {
        if (!index.containsKey(consumer[0])) {
          continue;
        }
        Set<Integer> written = WRITTEN_INPUTS.getOrDefault(nodes.get(consumer[0]).getOp(), Set.of());
        if (written.contains(Integer.parseInt(consumer[1]))) {
          writers.add(consumer[0]);
        } else {
          pending.add(consumer[0]);
        }
      }
      while (!pending.isEmpty()) {
        String reader = pending.pop();
        if (index.containsKey(reader) && readers.add(reader) && FORWARDING.contains(nodes.get(reader).getOp())) {
          consumers.getOrDefault(reader, List.of()).forEach(c -> pending.add(c[0]));
        }
      }
      for (String writer : writers) {
        for (String other : readers) {
          if (!ordered(other, writer, ancestors, index)) {
            unordered.add("read " + other + " / write " + writer + " of " + variable);
          }
        }
        for (String other : writers) {
          if (writer.compareTo(other) < 0 && !ordered(other, writer, ancestors, index)) {
            unordered.add("writes " + writer + " / " + other + " of " + variable);
          }
        }
      }
    }
    return unordered;
  }

  private static boolean ordered(String a, String b, BitSet[] ancestors, Map<String, Integer> index) {
    return ancestors[index.get(a)].get(index.get(b)) || ancestors[index.get(b)].get(index.get(a));
  }

  /** The ops the targets need, data and control inputs alike. */
  private static List<String> closure(Map<String, NodeDef> nodes, List<String> targets) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(targets);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (seen.add(name)) {
        nodes.get(name).getInputList().forEach(input -> pending.push(source(input)));
      }
    }
    return new ArrayList<>(seen);
  }

  /** Each op's ancestors among {@code run}, as bits of their indices. */
  private static BitSet[] ancestors(Map<String, NodeDef> nodes, List<String> run, Map<String, Integer> index) {
    BitSet[] result = new BitSet[run.size()];
    for (String start : run) {
      Deque<String> stack = new ArrayDeque<>(List.of(start));
      while (!stack.isEmpty()) {
        String name = stack.peek();
        if (result[index.get(name)] != null) {
          stack.pop();
          continue;
        }
        boolean ready = true;
        for (String input : nodes.get(name).getInputList()) {
          if (result[index.get(source(input))] == null) {
            ready = false;
            stack.push(source(input));
          }
        }
        if (ready) {
          BitSet bits = new BitSet();
          for (String input : nodes.get(name).getInputList()) {
            int i = index.get(source(input));
            bits.set(i);
            bits.or(result[i]);
          }
          result[index.get(name)] = bits;
          stack.pop();
        }
      }
    }
    return result;
  }

  private static String source(String input) {
    String name = input.startsWith("^") ? input.substring(1) : input;
    int colon = name.lastIndexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }
}
