package org.jgan.graphs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tensorflow.EdgeUpdateBridge;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Scope;
import org.tensorflow.proto.OpDef;

/**
 * Makes every tower read the variables of another device as values, through one {@code Identity}
 * per variable on the variable's own device, instead of as references.
 *
 * <p>Why: when an op reads a reference variable that lives on another device, TensorFlow's graph
 * partitioner delays the variable's receive until the op's other inputs are computed (a control
 * edge from each of them to the receive). The oneDNN pass that runs after partitioning on x86 CPUs
 * then fuses ops, e.g. a {@code Conv2D} with the {@code BiasAdd} after it; the bias's delayed
 * receive now waits on the fused op, which waits on the bias: a cycle, and the session run never
 * returns, with every thread idle. A value crosses devices without that control edge. The values
 * are the same: within a step every read precedes the updates (see {@link TowerGradients}).
 *
 * <p>Ops that write a variable (their op definition takes a reference input: {@code Assign},
 * {@code ApplyAdam}, ...) keep their references.
 */
final class TowerReads {
  private static final String VARIABLE = "VariableV2";
  private static Set<String> writers;

  private TowerReads() {}

  /**
   * Rewires each input of an op placed on a device that reads a variable placed on another device
   * to that variable's value, read on the variable's device. Call once the towers are built and
   * before a session opens on the graph.
   */
  static void readValuesAcrossDevices(GraphContext context) {
    Graph graph = context.graph();
    Map<String, Output<?>> values = new HashMap<>();
    List<GraphOperation> ops = new ArrayList<>();
    graph.operations().forEachRemaining(op -> ops.add((GraphOperation) op));
    for (GraphOperation op : ops) {
      if (op.device().isEmpty() || writesState(op.type())) {
        continue;
      }
      for (int i = 0; i < op.numInputs(); i++) {
        GraphOperation source = (GraphOperation) op.input(i).op();
        if (!source.type().equals(VARIABLE) || source.device().isEmpty() || source.device().equals(op.device())) {
          continue;
        }
        Output<?> value = values.computeIfAbsent(source.name(), name -> read(context, source));
        EdgeUpdateBridge.rewire(graph, op, i, value);
      }
    }
  }

  /** The value of {@code variable}, read by an {@code Identity} on the variable's device. */
  private static Output<?> read(GraphContext context, GraphOperation variable) {
    Scope scope = context.tf().scope();
    return scope.env().opBuilder("Identity", context.uniqueName(variable.name() + "/read"), scope)
        .addInput(variable.output(0)).setDevice(variable.device()).build().output(0);
  }

  /** Whether ops of {@code type} take a reference input, which they write (assignments, optimiser updates). */
  private static synchronized boolean writesState(String type) {
    if (writers == null) {
      writers = TensorFlow.registeredOpList().getOpList().stream()
          .filter(def -> def.getInputArgList().stream().anyMatch(OpDef.ArgDef::getIsRef))
          .map(OpDef::getName).collect(Collectors.toUnmodifiableSet());
    }
    return writers.contains(type);
  }
}
