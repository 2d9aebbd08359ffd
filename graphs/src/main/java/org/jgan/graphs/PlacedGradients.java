package org.jgan.graphs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.PlacedImportBridge;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Gradient ops on a device. The C API builds a gradient's ops without one, so TensorFlow would run
 * every tower's backward pass on the session's default device; this copies the ops built under one
 * gradient prefix into the graph again, on the device, wired to the same forward ops. The
 * unplaced originals stay in the graph, never run.
 */
final class PlacedGradients {
  private PlacedGradients() {}

  /**
   * The outputs of {@code grads} (built under name prefix {@code prefix}) recomputed by copies of
   * the prefix's ops placed on {@code device}.
   */
  static Output<?>[] onDevice(GraphContext graph, String prefix, Output<?>[] grads, String device) {
    GraphDef whole = graph.graph().toGraphDef();
    GraphDef.Builder part = GraphDef.newBuilder().setVersions(whole.getVersions());
    Set<String> copied = new HashSet<>();
    for (NodeDef node : whole.getNodeList()) {
      if (node.getName().startsWith(prefix + "/")) {
        // TensorFlow's gradients colocate some ops with forward ops (GatherV2's gradient takes the
        // shape of its params beside them); a forward op is outside this part, which the import
        // refuses. The device given to every copied op is the placement those hints would ask for.
        part.addNode(node.toBuilder().removeAttr("_class"));
        copied.add(node.getName());
      }
    }
    Map<String, Output<?>> inputs = new HashMap<>();
    Map<String, GraphOperation> controls = new HashMap<>();
    for (NodeDef node : part.getNodeList()) {
      for (String input : node.getInputList()) {
        boolean control = input.startsWith("^");
        String name = control ? input.substring(1) : input;
        int cut = name.lastIndexOf(':');
        String op = cut < 0 ? name : name.substring(0, cut);
        if (copied.contains(op)) {
          continue;
        }
        GraphOperation existing = (GraphOperation) graph.graph().operation(op);
        if (control) {
          controls.put(op, existing);
        } else {
          int index = cut < 0 ? 0 : Integer.parseInt(name.substring(cut + 1));
          inputs.put(op + ":" + index, existing.output(index));
        }
      }
    }
    String copy = graph.uniqueName(prefix + "_placed");
    PlacedImportBridge.importOnDevice(graph.graph(), part.build(), copy, device, inputs, controls);
    Output<?>[] placed = new Output<?>[grads.length];
    for (int i = 0; i < grads.length; i++) {
      if (grads[i] == null || grads[i].isClosed()) {
        continue;
      }
      GraphOperation op = (GraphOperation) graph.graph().operation(copy + "/" + grads[i].op().name());
      placed[i] = op.output(grads[i].index());
    }
    return placed;
  }
}
