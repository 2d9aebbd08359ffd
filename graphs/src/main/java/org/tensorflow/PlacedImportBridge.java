package org.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteImportGraphDefOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphImportGraphDef;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsAddInputMapping;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsRemapControlDependency;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsSetDefaultDevice;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ImportGraphDefOptionsSetPrefix;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewBufferFromString;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewImportGraphDefOptions;

import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_ImportGraphDefOptions;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.GraphDef;

/**
 * The C API's graph import with input mappings and a default device, which TensorFlow Java's
 * {@link Graph#importGraphDef} does not offer: the way to put ops that the C API built without a
 * device (gradients) on one. Use {@code org.jgan.graphs.PlacedGradients}.
 */
public final class PlacedImportBridge {
  private PlacedImportBridge() {}

  /**
   * Imports {@code nodes} into {@code graph} under {@code prefix}, each node without a device on
   * {@code device}; an input naming a node not in {@code nodes} ({@code name:index}) is wired to the
   * graph's output {@code inputs} maps it to, a control input ({@code name}) to {@code controls}'s op.
   */
  public static void importOnDevice(Graph graph, GraphDef nodes, String prefix, String device,
      Map<String, Output<?>> inputs, Map<String, GraphOperation> controls) {
    try (PointerScope scope = new PointerScope(); Graph.Reference ref = graph.ref()) {
      TF_ImportGraphDefOptions options = TF_NewImportGraphDefOptions();
      try {
        TF_ImportGraphDefOptionsSetPrefix(options, prefix);
        TF_ImportGraphDefOptionsSetDefaultDevice(options, device);
        for (Map.Entry<String, Output<?>> input : inputs.entrySet()) {
          String key = input.getKey();
          int cut = key.lastIndexOf(':');
          Output<?> target = input.getValue();
          TF_Output output = new TF_Output().oper(((GraphOperation) target.op()).getUnsafeNativeHandle())
              .index(target.index());
          TF_ImportGraphDefOptionsAddInputMapping(options, key.substring(0, cut), Integer.parseInt(key.substring(cut + 1)),
              output);
        }
        for (Map.Entry<String, GraphOperation> control : controls.entrySet()) {
          TF_ImportGraphDefOptionsRemapControlDependency(options, control.getKey(),
              control.getValue().getUnsafeNativeHandle());
        }
        byte[] bytes = nodes.toByteArray();
        TF_Buffer buffer = TF_NewBufferFromString(new BytePointer(bytes), bytes.length);
        TF_Status status = TF_Status.newStatus();
        TF_GraphImportGraphDef(ref.nativeHandle(), buffer, options, status);
        status.throwExceptionIfNotOK();
      } finally {
        TF_DeleteImportGraphDefOptions(options);
      }
    }
  }
}
