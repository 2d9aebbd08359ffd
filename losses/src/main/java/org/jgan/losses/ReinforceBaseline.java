package org.jgan.losses;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.TowerScope;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * REINFORCE's moving-average baseline b: the reward is log w - b with the b of the step before,
 * and each step moves b to decay b + (1 - decay) mean log Z, once.
 *
 * <p>Replicated over towers, every tower reads the one shared b, and the step's mean is the whole
 * batch's: each tower leaves its reward and its slice's mean here, and the last tower's build
 * assigns b once, from the mean of the slices' means (the batch's mean, the slices being equal),
 * after every tower's reward has read the old b. An assign per tower would race with the other
 * towers' reads and leave b at one slice's mean.
 */
final class ReinforceBaseline {
  private static final String NAME = "G_reinforce/baseline";

  private final Variable<TFloat32> baseline;
  private final float decay;
  /** The rewards and mean log Z of the towers built so far in this step's build. */
  private final List<Operand<TFloat32>> rewards = new ArrayList<>();
  private final List<Operand<TFloat32>> means = new ArrayList<>();

  private ReinforceBaseline(GraphContext graph, float decay) {
    this.baseline = graph.named(NAME).variable(graph.tf().withInitScope().constant(0f));
    this.decay = decay;
  }

  /** The graph's baseline, built by the first call and shared by every tower. */
  static ReinforceBaseline of(GraphContext graph, float decay) {
    return graph.sharedState(NAME, () -> new ReinforceBaseline(graph, decay));
  }

  /** stopgrad(log w - b), b as the step starts. */
  Operand<TFloat32> reward(Ops tf, Operand<TFloat32> logW) {
    return tf.stopGradient(tf.math.sub(logW, baseline));
  }

  /**
   * The generator's update followed by b's (see the class comment); in a tower before the last,
   * {@code generatorUpdate} itself, the last tower updating b for all.
   *
   * @param reward this build's {@link #reward}
   * @param meanLogZ the mean log Z over this build's examples
   */
  Op after(GraphContext graph, Op generatorUpdate, Operand<TFloat32> reward, Operand<TFloat32> meanLogZ) {
    TowerScope tower = graph.tower();
    if (tower != null && tower.index() == 0) {
      rewards.clear();
      means.clear();
    }
    rewards.add(reward);
    means.add(meanLogZ);
    if (tower != null && !tower.last()) {
      return generatorUpdate;
    }
    Op assign = graph.onStateDevice(() -> {
      Ops tf = graph.tf();
      Operand<TFloat32> mean = tf.math.mul(tf.math.addN(List.copyOf(means)), tf.constant(1f / means.size()));
      Operand<TFloat32> updated = tf.math.add(tf.math.mul(baseline, tf.constant(decay)),
          tf.math.mul(mean, tf.constant(1f - decay)));
      // Assign writes the variable's buffer in place: without this ordering a reward could read this
      // step's new b instead of the previous one, depending on the executor's order.
      List<Op> before = new ArrayList<>(rewards);
      before.add(generatorUpdate);
      return tf.withControlDependencies(before).assign(baseline, updated);
    });
    return graph.tf().withControlDependencies(List.of(assign)).noOp();
  }
}
