package org.jgan.graphs.optim;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Adam (Kingma and Ba 2015). The bias corrections come from a step counter incremented only
 * after every ApplyAdam has run (a control dependency), so runs are bit-identical; the framework's
 * Adam updates its beta powers unordered against the updates, which races.
 */
public final class Adam extends Optimizer {
  private final float learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon;

  /** Adam with explicit hyperparameters. */
  public Adam(float learningRate, float beta1, float beta2, float epsilon) {
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** Adam with epsilon 1e-8. */
  public Adam(float learningRate, float beta1, float beta2) {
    this(learningRate, beta1, beta2, 1e-8f);
  }

  @Override
  public float learningRate() {
    return learningRate;
  }

  /** Decay of the first-moment estimate. */
  public float beta1() {
    return beta1;
  }

  /** Decay of the second-moment estimate. */
  public float beta2() {
    return beta2;
  }

  @Override
  public Op applyGradients(GraphContext graph, String name, List<Variable<TFloat32>> variables,
      List<Operand<TFloat32>> grads) {
    Ops tf = graph.tf();
    Variable<TInt64> step = graph.named(name + "/step").variable(tf.withInitScope().constant(0L));
    Operand<TFloat32> t = tf.dtypes.cast(tf.math.add(step, tf.constant(1L)), TFloat32.class);
    Operand<TFloat32> beta1Power = tf.math.pow(tf.constant(beta1), t);
    Operand<TFloat32> beta2Power = tf.math.pow(tf.constant(beta2), t);
    Operand<TFloat32> lr = learningRate(graph);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      updates.add(tf.train.applyAdam(v, slot(graph, v, name, "m"), slot(graph, v, name, "v"), beta1Power, beta2Power,
          lr, tf.constant(beta1), tf.constant(beta2), tf.constant(epsilon), grads.get(i)));
    }
    Op increment = tf.withControlDependencies(updates).assignAdd(step, tf.constant(1L));
    return finish(graph, name, List.of(increment));
  }
}
