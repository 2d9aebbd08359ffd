package org.jgan.graphs;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * What a layer sees while one network is applied: the op factory for this application, the
 * network's variables (created on the first application, shared by every later one), and the
 * graph-wide training flag and random sources.
 */
public interface LayerContext {
  /** Op factory scoped to the current application of the network. */
  Ops tf();

  /** The graph-wide context (random sources, training flag). */
  GraphContext graph();

  /**
   * The network variable {@code name} of the current layer: created with the given initial value
   * on the first application of the network and returned as-is on later ones. A layer asks for
   * each name once per application: a second request for the same name (two layers called
   * directly inside one layer, each asking for its "kernel") throws an IllegalStateException
   * rather than sharing the variable; nest such layers with {@link #apply(Layer, Operand)}.
   *
   * @param trainable whether optimisers update it (batch-norm moving statistics are not trainable)
   */
  Variable<TFloat32> variable(String name, Shape shape, Initializer init, long fanIn, long fanOut, boolean trainable);

  /**
   * Applies {@code inner} inside the current layer in its own variable scope,
   * {@code <this layer's scope>/<k>_<kind>} where k counts the layers nested so far in this
   * application: two {@code Dense(8)} applied this way inside one layer have four variables, not
   * two. Variables are shared only by applying the same {@link Network} again.
   */
  Operand<TFloat32> apply(Layer inner, Operand<TFloat32> x);

  /** Registers an op to run with each training step of this network (moving-average updates). */
  void addUpdate(Op update);

  /** True on the first application, when variables are created. */
  boolean firstApplication();

  /** Shorthand for the graph's training flag. */
  default Operand<TBool> training() {
    return graph().trainingFlag();
  }
}
