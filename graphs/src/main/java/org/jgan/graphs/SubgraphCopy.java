package org.jgan.graphs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphImportBridge;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Copies of a part of a graph that run on other inputs: every op some targets need is duplicated,
 * except variables, constants and placeholders, which the copies share with the original (so a
 * copied update changes the original variables). Lets one session run chain several updates that
 * would otherwise each need a run of their own, each copy computing exactly what the original
 * computes when fed the copy's inputs.
 */
public final class SubgraphCopy {
  /** Ops that hold state or data and are shared, never copied (when they have no control inputs). */
  private static final Set<String> SHARED_TYPES = Set.of("VariableV2", "Variable", "VarHandleOp", "Const", "Placeholder",
      "PlaceholderWithDefault");

  private final Graph graph;
  private final Map<String, NodeDef> nodes = new HashMap<>();
  private final GraphDef.Builder header;

  /** A copier of {@code graph} as it is now; ops added later cannot be copied by it. */
  public SubgraphCopy(Graph graph) {
    this.graph = graph;
    GraphDef def = graph.toGraphDef();
    def.getNodeList().forEach(node -> nodes.put(node.getName(), node));
    this.header = def.toBuilder().clearNode();
  }

  /** One copy: the copied counterpart of each original op it holds. */
  public static final class Copy {
    private final Graph graph;
    private final String prefix;
    private final Set<String> copied;

    private Copy(Graph graph, String prefix, Set<String> copied) {
      this.graph = graph;
      this.prefix = prefix;
      this.copied = copied;
    }

    /** The copy of {@code original}, or {@code original} itself where it is shared. */
    public GraphOperation op(Op original) {
      String name = original.op().name();
      return copied.contains(name) ? graph.operationOrThrow(prefix + "/" + name) : (GraphOperation) original.op();
    }

    /** The copy of {@code original}'s output, or the output itself where its op is shared. */
    @SuppressWarnings("unchecked")
    public <T extends org.tensorflow.types.family.TType> Output<T> output(Operand<T> original) {
      Output<T> out = original.asOutput();
      String name = out.op().name();
      return copied.contains(name) ? (Output<T>) graph.operationOrThrow(prefix + "/" + name).output(out.index()) : out;
    }
  }

  /**
   * Copies into the graph, under name scope {@code prefix}, every op {@code targets} depend on.
   *
   * @param replaced inputs the copy reads in place of the original's (the original's output, then its stand-in)
   * @param after existing ops every copied op runs after
   */
  public Copy copy(String prefix, List<? extends Op> targets, Map<Output<?>, Output<?>> replaced,
      List<GraphOperation> after) {
    Map<String, Output<?>> inputs = new LinkedHashMap<>();
    replaced.forEach((original, standIn) -> inputs.put(original.op().name() + ":" + original.index(), standIn));
    Set<String> replacedOps = new HashSet<>();
    replaced.keySet().forEach(o -> replacedOps.add(o.op().name()));
    Set<String> closure = new LinkedHashSet<>();
    Map<String, GraphOperation> controlInputs = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>();
    targets.forEach(t -> pending.push(t.op().name()));
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (replacedOps.contains(name) || !closure.add(name)) {
        continue;
      }
      NodeDef node = nodes.get(name);
      if (node == null) {
        throw new IllegalArgumentException("op '" + name + "' was added after this copier was made");
      }
      for (String input : node.getInputList()) {
        boolean control = input.startsWith("^");
        String tensor = control ? input.substring(1) : input;
        int cut = tensor.lastIndexOf(':');
        String source = cut < 0 ? tensor : tensor.substring(0, cut);
        if (isShared(source) || replacedOps.contains(source)) {
          if (control) {
            controlInputs.put(source, graph.operationOrThrow(source));
          } else {
            String key = cut < 0 ? tensor + ":0" : tensor;
            if (!inputs.containsKey(key)) {
              if (replacedOps.contains(source)) {
                throw new IllegalArgumentException("no stand-in given for " + key);
              }
              int index = cut < 0 ? 0 : Integer.parseInt(tensor.substring(cut + 1));
              inputs.put(key, graph.operationOrThrow(source).output(index));
            }
          }
        } else {
          pending.push(source);
        }
      }
    }
    GraphDef.Builder def = header.clone();
    for (String name : closure) {
      // Colocation hints name original ops, which a prefixed copy would not find.
      def.addNode(nodes.get(name).toBuilder().removeAttr("_class"));
    }
    GraphImportBridge.importGraphDef(graph, def.build(), prefix, inputs, controlInputs, after);
    return new Copy(graph, prefix, closure);
  }

  private boolean isShared(String name) {
    NodeDef node = nodes.get(name);
    // A constant built under control dependencies (a clip bound after an update) must run after
    // them, so it is copied with them rather than shared.
    return node != null && SHARED_TYPES.contains(node.getOp()) && node.getInputCount() == 0;
  }
}
