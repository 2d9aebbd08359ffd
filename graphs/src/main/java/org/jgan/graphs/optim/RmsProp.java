package org.jgan.graphs.optim;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * RMSProp: ms = decay ms + (1 - decay) g^2; var -= lr g / sqrt(ms + eps). The mean square starts
 * at zero and the defaults (decay 0.99, eps 1e-8) follow the WGAN reference implementation.
 */
public final class RmsProp extends Optimizer {
  private final float learningRate;
  private final float decay;
  private final float momentum;
  private final float epsilon;

  /** RMSProp with explicit decay, momentum and epsilon. */
  public RmsProp(float learningRate, float decay, float momentum, float epsilon) {
    this.learningRate = learningRate;
    this.decay = decay;
    this.momentum = momentum;
    this.epsilon = epsilon;
  }

  /** RMSProp with the WGAN reference's decay 0.99 and epsilon 1e-8. */
  public RmsProp(float learningRate) {
    this(learningRate, 0.99f, 0f, 1e-8f);
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
      updates.add(tf.train.applyRmsProp(v, slot(graph, v, name, "ms"), slot(graph, v, name, "mom"),
          lr, tf.constant(decay), tf.constant(momentum), tf.constant(epsilon), grads.get(i)));
    }
    return finish(graph, name, updates);
  }
}
