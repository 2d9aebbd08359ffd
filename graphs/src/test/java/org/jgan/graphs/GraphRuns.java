package org.jgan.graphs;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Test helpers for running targets, fetching several values and setting variables. Public for sub-packages. */
public final class GraphRuns {
  private GraphRuns() {}

  /** Runs {@code targets} once with {@code feeds} (closed afterwards). */
  public static void run(Session session, Map<Operand<?>, Tensor> feeds, Op... targets) {
    Session.Runner runner = session.runner();
    feeds.forEach(runner::feed);
    for (Op target : targets) {
      runner.addTarget(target);
    }
    try (Result ignored = runner.run()) {
      // nothing fetched
    } finally {
      feeds.values().forEach(Tensor::close);
    }
  }

  public static void run(Session session, Op... targets) {
    run(session, Map.of(), targets);
  }

  /** Fetches every operand in one run with {@code feeds} (closed afterwards). */
  public static float[][] fetch(Session session, Map<Operand<?>, Tensor> feeds, List<? extends Operand<?>> operands) {
    Session.Runner runner = session.runner();
    feeds.forEach(runner::feed);
    operands.forEach(runner::fetch);
    try (Result result = runner.run()) {
      float[][] out = new float[operands.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = Tensors.toFloats(result.get(i));
      }
      return out;
    } finally {
      feeds.values().forEach(Tensor::close);
    }
  }

  public static float[] eval(Session session, Operand<?> operand) {
    return fetch(session, Map.of(), List.of(operand))[0];
  }

  public static float[] eval(Session session, Operand<?> operand, Map<Operand<?>, Tensor> feeds) {
    return fetch(session, feeds, List.of(operand))[0];
  }

  /** An op assigning the constant {@code values} (shaped like the variable) to {@code v}. */
  public static Op assign(Ops tf, Variable<TFloat32> v, float... values) {
    if (v.shape().size() != values.length) {
      throw new IllegalArgumentException(values.length + " values for variable of shape " + v.shape());
    }
    return tf.assign(v, tf.reshape(tf.constant(values), tf.constant(v.shape().asArray())));
  }
}
