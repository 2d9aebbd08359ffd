package org.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_UpdateEdge;

import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.TF_Input;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * The C API's {@code TF_UpdateEdge}, which TensorFlow Java does not expose: an existing op's input
 * rewired to another output. Needs {@link Graph}'s package-private native handle, hence this
 * package. Use {@code org.jgan.graphs.TowerReads}.
 */
public final class EdgeUpdateBridge {
  private EdgeUpdateBridge() {}

  /**
   * Makes input {@code input} of {@code consumer} read {@code source} instead of what it reads now.
   * Call it before any session opens on the graph.
   *
   * @throws RuntimeException TensorFlow's error when the input does not exist or the shapes do not match
   */
  public static void rewire(Graph graph, GraphOperation consumer, int input, Output<?> source) {
    try (PointerScope scope = new PointerScope(); Graph.Reference ref = graph.ref()) {
      TF_Output from = new TF_Output().oper(((GraphOperation) source.op()).getUnsafeNativeHandle()).index(source.index());
      TF_Input to = new TF_Input().oper(consumer.getUnsafeNativeHandle()).index(input);
      TF_Status status = TF_Status.newStatus();
      TF_UpdateEdge(ref.nativeHandle(), from, to, status);
      status.throwExceptionIfNotOK();
    }
  }
}
