package org.jgan.graphs;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.types.TFloat32;

/** Symbolic gradients with the checks TensorFlow Java leaves to the caller. */
public final class Gradients {
  private Gradients() {}

  /**
   * d loss / d x for each x in {@code xs}, loss a scalar or summed over its elements.
   *
   * <p>The upstream gradient is an explicit constant 1 on sum(loss), never the default
   * {@code OnesLike}, which has no gradient: the result can be differentiated again (gradient
   * penalty). Each x must reach the loss through differentiable ops, or TensorFlow may crash the
   * JVM (see the project's TensorFlow notes), so callers pass only variables that feed the loss.
   */
  public static List<Operand<TFloat32>> of(GraphContext graph, String name, Operand<TFloat32> loss,
      List<? extends Operand<TFloat32>> xs) {
    Operand<TFloat32> y = loss.shape().numDimensions() == 0 ? loss : Reductions.sum(graph.tf(), loss);
    Output<?>[] inputs = xs.stream().map(Operand::asOutput).toArray(Output<?>[]::new);
    Output<?>[] dy = {graph.tf().constant(1f).asOutput()};
    String prefix = graph.uniqueName(name);
    Output<?>[] grads = graph.graph().addGradients(prefix, new Output<?>[] {y.asOutput()}, inputs, dy);
    if (graph.tower() != null && graph.tower().device() != null) {
      grads = PlacedGradients.onDevice(graph, prefix, grads, graph.tower().device());
    }
    List<Operand<TFloat32>> result = new java.util.ArrayList<>(grads.length);
    for (int i = 0; i < grads.length; i++) {
      if (grads[i] == null || grads[i].isClosed()) {
        throw new IllegalArgumentException("'" + xs.get(i).op().name() + "' has no gradient path to the loss in " + name);
      }
      @SuppressWarnings("unchecked")
      Output<TFloat32> g = (Output<TFloat32>) grads[i];
      result.add(g);
    }
    return result;
  }
}
