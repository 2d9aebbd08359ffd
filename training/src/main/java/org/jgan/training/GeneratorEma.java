package org.jgan.training;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An exponential moving average of the generator's weights (Yazici et al. 2019; BigGAN), held in a
 * second network of the same layers, {@link #NETWORK}, whose variables are the shadow copies; samples,
 * figures, evaluation and export use it instead of the generator.
 *
 * <p>After the t-th update the shadow of a weight w is the zero-debiased average of Adam (Kingma and
 * Ba 2015, Section 3; TensorFlow's {@code assign_moving_average(zero_debias=True)}):
 * sum_{i=1..t} (1 - d) d^(t-i) w_i / (1 - d^t), so no trace of the initial weights remains (with
 * d = 0.999, TensorFlow's plain average would still weigh them 0.3 after 1,200 updates). It is kept
 * debiased: with p = d^(t-1) (variable {@code G_ema/decay_power}), shadow = e * shadow + (1 - e) * w
 * with e = d (1 - p) / (1 - d p), which is 0 at the first update. Every variable of the generator is
 * averaged, batch-norm moving statistics included, as BigGAN's code averages the whole state.
 */
public final class GeneratorEma {
  /** The name (and variable scope) of the averaged generator. */
  public static final String NETWORK = "G_ema";
  /** The variable holding d^t, t the updates so far. */
  public static final String DECAY_POWER = NETWORK + "/decay_power";

  private final Op update;
  private final Op reset;

  private GeneratorEma(Op update, Op reset) {
    this.update = update;
    this.reset = reset;
  }

  /**
   * The average of {@code generator}'s weights in {@code averaged}, a network of the same layers
   * already applied once (so that its variables exist).
   *
   * @param decay d, in (0, 1)
   */
  public static GeneratorEma of(GraphContext graph, Network generator, Network averaged, float decay) {
    if (!(decay > 0f && decay < 1f)) {
      throw new IllegalArgumentException("EMA decay must be in (0, 1), got " + decay);
    }
    List<Variable<TFloat32>> raw = generator.variables();
    List<Variable<TFloat32>> shadow = averaged.variables();
    requireSameStructure(generator, raw, averaged, shadow);
    Ops tf = graph.tf().withSubScope(NETWORK + "_update");
    Variable<TFloat32> power = graph.named(DECAY_POWER).variable(graph.tf().withInitScope().constant(1f));
    Operand<TFloat32> d = tf.constant(decay);
    Operand<TFloat32> keep = tf.math.div(tf.math.mul(d, tf.math.sub(tf.constant(1f), power)),
        tf.math.sub(tf.constant(1f), tf.math.mul(d, power)));
    Operand<TFloat32> take = tf.math.sub(tf.constant(1f), keep);
    List<Op> averages = new ArrayList<>();
    List<Op> copies = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      averages.add(tf.assign(shadow.get(i), tf.math.add(tf.math.mul(keep, shadow.get(i)), tf.math.mul(take, raw.get(i)))));
      copies.add(tf.assign(shadow.get(i), raw.get(i)));
    }
    // d^t advances only once every average has read the old power.
    Op advance = tf.withControlDependencies(averages).assign(power, tf.math.mul(power, d));
    Op update = tf.withControlDependencies(List.of(advance)).noOp();
    copies.add(tf.assign(power, tf.constant(1f)));
    Op reset = tf.withControlDependencies(copies).noOp();
    return new GeneratorEma(update, reset);
  }

  /** Folds the generator's current weights into the average: run once after each generator update. */
  public Op update() {
    return update;
  }

  /** Sets the average to the generator's current weights, with no update counted (a fresh run's start). */
  public Op reset() {
    return reset;
  }

  private static void requireSameStructure(Network generator, List<Variable<TFloat32>> raw, Network averaged,
      List<Variable<TFloat32>> shadow) {
    boolean same = raw.size() == shadow.size();
    for (int i = 0; same && i < raw.size(); i++) {
      same = suffix(raw.get(i), generator).equals(suffix(shadow.get(i), averaged))
          && raw.get(i).shape().equals(shadow.get(i).shape());
    }
    if (!same) {
      throw new IllegalArgumentException("network '" + averaged.name() + "' does not have the variables of network '"
          + generator.name() + "'");
    }
  }

  private static String suffix(Variable<TFloat32> variable, Network network) {
    return variable.op().name().substring(network.name().length());
  }
}
