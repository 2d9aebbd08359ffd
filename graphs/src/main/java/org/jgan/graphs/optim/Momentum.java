package org.jgan.graphs.optim;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/** SGD with momentum: accum = momentum accum + g; var -= lr accum (Nesterov optional). momentum 0 is plain SGD. */
public final class Momentum extends Optimizer {
  private final float learningRate;
  private final float momentum;
  private final boolean nesterov;

  /** SGD with momentum (optionally Nesterov). */
  public Momentum(float learningRate, float momentum, boolean nesterov) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  public float learningRate() {
    return learningRate;
  }

  @Override
  public Op applyGradients(GraphContext graph, String name, List<Variable<TFloat32>> variables,
      List<Operand<TFloat32>> grads) {
    Ops tf = graph.tf();
    Operand<TFloat32> lr = learningRate(graph);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      updates.add(tf.train.applyMomentum(v, slot(graph, v, name, "accum"), lr, grads.get(i),
          tf.constant(momentum), ApplyMomentum.useNesterov(nesterov)));
    }
    return group(graph, name, updates);
  }
}
