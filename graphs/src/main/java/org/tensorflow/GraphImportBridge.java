package org.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteImportGraphDefResults;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphImportGraphDefWithResults;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsAddControlDependency;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsAddInputMapping;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsRemapControlDependency;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsSetPrefix;

import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_ImportGraphDefOptions;
import org.tensorflow.internal.c_api.TF_ImportGraphDefResults;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.GraphDef;

/**
 * Graph import with the C API's options that {@link Graph#importGraphDef} does not expose: inputs
 * mapped onto existing outputs, control inputs remapped onto existing operations, and a control
 * dependency on existing operations for the whole imported graph. Needs {@link Graph}'s
 * package-private native handle, hence this package. Use {@code org.jgan.graphs.SubgraphCopy}.
 */
public final class GraphImportBridge {
  private GraphImportBridge() {}

  /**
   * Imports {@code def} into {@code graph}, every node name prefixed with {@code prefix}/.
   *
   * @param inputs an imported input {@code name:index} maps to the existing output given
   * @param controlInputs an imported control input {@code name} maps to the existing operation given
   * @param after every imported node runs after these existing operations
   */
  public static void importGraphDef(Graph graph, GraphDef def, String prefix, Map<String, Output<?>> inputs,
      Map<String, GraphOperation> controlInputs, List<GraphOperation> after) {
    try (PointerScope scope = new PointerScope(); Graph.Reference ref = graph.ref()) {
      TF_ImportGraphDefOptions options = TF_ImportGraphDefOptions.newImportGraphDefOptions();
      TF_ImportGraphDefOptionsSetPrefix(options, prefix);
      inputs.forEach((name, output) -> {
        int cut = name.lastIndexOf(':');
        TF_Output target = new TF_Output();
        target.oper(((GraphOperation) output.op()).getUnsafeNativeHandle()).index(output.index());
        TF_ImportGraphDefOptionsAddInputMapping(options, name.substring(0, cut), Integer.parseInt(name.substring(cut + 1)),
            target);
      });
      controlInputs.forEach((name, op) ->
          TF_ImportGraphDefOptionsRemapControlDependency(options, name, op.getUnsafeNativeHandle()));
      for (GraphOperation op : after) {
        TF_ImportGraphDefOptionsAddControlDependency(options, op.getUnsafeNativeHandle());
      }
      TF_Buffer buffer = TF_Buffer.newBufferFromString(def);
      TF_Status status = TF_Status.newStatus();
      TF_ImportGraphDefResults results = TF_GraphImportGraphDefWithResults(ref.nativeHandle(), buffer, options, status);
      status.throwExceptionIfNotOK();
      TF_DeleteImportGraphDefResults(results);
    }
  }
}
