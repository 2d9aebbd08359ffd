package org.jgan.graphs;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/** Small helpers for running graphs in tests. */
final class GraphTesting {
  private GraphTesting() {}

  /** Evaluates {@code operand} with the given feeds (closed after the run). */
  static float[] eval(Session session, Operand<?> operand, Map<Operand<?>, Tensor> feeds) {
    Session.Runner runner = session.runner();
    feeds.forEach(runner::feed);
    try (Result result = runner.fetch(operand).run()) {
      return Tensors.toFloats(result.get(0));
    } finally {
      feeds.values().forEach(Tensor::close);
    }
  }

  static float[] eval(Session session, Operand<?> operand) {
    return eval(session, operand, Map.of());
  }
}
