package org.jgan.losses;

import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Evaluates a loss built from constant operands. */
final class LossTesting {
  private LossTesting() {}

  interface LossBuilder {
    Operand<TFloat32> build(Ops tf);
  }

  static float evaluate(LossBuilder builder) {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      Operand<TFloat32> loss = builder.build(Ops.create(g));
      try (Result r = s.runner().fetch(loss).run()) {
        return Tensors.scalar(r.get(0));
      }
    }
  }

  /** softplus(x) = log(1 + e^x), computed stably in double. */
  static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
