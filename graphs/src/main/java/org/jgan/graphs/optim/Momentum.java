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

/**
 * SGD with momentum, in one of two forms.
 *
 * <p>{@link #Momentum(float, float, boolean)}: TensorFlow's accum = momentum accum + g;
 * var -= lr accum (Nesterov optional); momentum 0 is plain SGD.
 *
 * <p>{@link #Momentum(float, MomentumRamp)}: pylearn2's {@code learning_rule.Momentum}, the GAN
 * paper's optimiser: vel = momentum vel - lr g; var += vel, with the momentum following a
 * {@link MomentumRamp} over the updates applied so far. The two forms agree while the learning
 * rate is constant; under a per-update decay ({@link #withExponentialDecay}) only this one
 * scales each gradient by the rate of the update that computed it, as pylearn2 does.
 */
public final class Momentum extends Optimizer {
  private final float learningRate;
  private final float momentum;
  private final boolean nesterov;
  private final MomentumRamp ramp;
  private GraphContext rampGraph;
  private Operand<TFloat32> rampValue;

  /** SGD with momentum (optionally Nesterov), TensorFlow's form. */
  public Momentum(float learningRate, float momentum, boolean nesterov) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.ramp = null;
  }

  /** SGD with pylearn2's momentum, the coefficient following {@code ramp}. */
  public Momentum(float learningRate, MomentumRamp ramp) {
    this.learningRate = learningRate;
    this.momentum = ramp.initial();
    this.nesterov = false;
    this.ramp = ramp;
  }

  @Override
  public float learningRate() {
    return learningRate;
  }

  /** The momentum schedule of the pylearn2 form, or null for TensorFlow's form. */
  public MomentumRamp ramp() {
    return ramp;
  }

  /** The momentum coefficient the next update uses, as an operand. */
  public Operand<TFloat32> momentum(GraphContext graph) {
    if (ramp == null) {
      return graph.tf().constant(momentum);
    }
    // One op per graph, so a metric reads the coefficient the update used (see learningRate).
    if (rampGraph != graph) {
      rampValue = ramp.at(graph.tf(), updateCount(graph));
      rampGraph = graph;
    }
    return rampValue;
  }

  @Override
  public Op applyGradients(GraphContext graph, String name, List<Variable<TFloat32>> variables,
      List<Operand<TFloat32>> grads) {
    Ops tf = graph.tf();
    Operand<TFloat32> lr = learningRate(graph);
    List<Op> updates = new ArrayList<>();
    if (ramp == null) {
      for (int i = 0; i < variables.size(); i++) {
        Variable<TFloat32> v = variables.get(i);
        updates.add(tf.train.applyMomentum(v, slot(graph, v, name, "accum"), lr, grads.get(i),
            tf.constant(momentum), ApplyMomentum.useNesterov(nesterov)));
      }
      return finish(graph, name, updates);
    }
    Operand<TFloat32> m = momentum(graph);
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      Variable<TFloat32> velocity = slot(graph, v, name, "velocity");
      Operand<TFloat32> newVelocity = tf.assign(velocity,
          tf.math.sub(tf.math.mul(m, velocity), tf.math.mul(lr, grads.get(i))));
      updates.add(tf.assignAdd(v, newVelocity));
    }
    return finish(graph, name, updates);
  }
}
