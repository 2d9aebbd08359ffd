package org.jgan.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Optimizer;
import org.jgan.graphs.optim.RmsProp;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Wasserstein GAN (Arjovsky et al. 2017), Algorithm 1: the critic maximises
 * E[C(x)] - E[C(G(z))] over weight-clipped (so K-Lipschitz) functions, the generator minimises
 * -E[C(G(z))].
 */
public final class Wgan implements Objective {
  /** c, the weight-clipping bound (Algorithm 1). */
  public static final float CLIP = 0.01f;
  /** RMSProp's learning rate alpha (Algorithm 1). */
  public static final float LEARNING_RATE = 5e-5f;
  /** {@code wgan}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("wgan", Wgan::fromOptions)
      .taking(Hyperparameter.CRITIC_STEPS, Hyperparameter.CLIP);

  private final float clip;
  private final Optimizer criticOptimizer;
  private final Optimizer generatorOptimizer;
  private final java.util.function.LongToIntFunction criticSteps;

  /** WGAN with explicit clip bound, optimisers and critic schedule. */
  public Wgan(float clip, Optimizer criticOptimizer, Optimizer generatorOptimizer,
      java.util.function.LongToIntFunction criticSteps) {
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip value " + clip + " must be positive");
    }
    this.clip = clip;
    this.criticOptimizer = criticOptimizer;
    this.generatorOptimizer = generatorOptimizer;
    this.criticSteps = criticSteps;
  }

  /** c = 0.01, RMSProp(5e-5) for both networks and the reference critic schedule. */
  public Wgan() {
    this(CLIP, new RmsProp(LEARNING_RATE), new RmsProp(LEARNING_RATE), Wgan::referenceCriticSteps);
  }

  /** The paper's settings with {@code options} over them; set critic steps replace the reference schedule. */
  static Wgan fromOptions(ObjectiveOptions options) {
    float lr = options.learningRateOr(LEARNING_RATE);
    java.util.function.LongToIntFunction schedule = options.criticSteps() == null ? Wgan::referenceCriticSteps
        : iteration -> options.criticSteps();
    return new Wgan(ObjectiveOptions.or(options.clip(), CLIP), options.decayed(new RmsProp(lr)),
        options.decayed(new RmsProp(lr)), schedule);
  }

  /**
   * The reference implementation's schedule: 100 critic steps for the first 25 generator
   * iterations and every 500th, 5 otherwise (keeps the critic near optimal).
   */
  public static int referenceCriticSteps(long generatorIteration) {
    return generatorIteration < 25 || generatorIteration % 500 == 0 ? 100 : 5;
  }

  @Override
  public String name() {
    return TYPE.name();
  }

  /** Critic loss, Algorithm 1 line 5 negated: E[C(G(z))] - E[C(x)]. */
  public static Operand<TFloat32> criticLoss(Ops tf, Operand<TFloat32> realScores, Operand<TFloat32> fakeScores) {
    return tf.math.sub(Reductions.mean(tf, fakeScores), Reductions.mean(tf, realScores));
  }

  /** Generator loss, Algorithm 1 line 10: -E[C(G(z))]. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeScores) {
    return tf.math.neg(Reductions.mean(tf, fakeScores));
  }

  /** Clips every variable to [-c, c] after {@code update} has run (Algorithm 1 line 7). */
  public static Op clipAfter(GraphContext graph, Op update, List<Variable<TFloat32>> variables, float c) {
    Ops tf = graph.tf().withControlDependencies(List.of(update));
    List<Op> clips = new ArrayList<>();
    for (Variable<TFloat32> v : variables) {
      clips.add(tf.assign(v, tf.clipByValue(v, tf.constant(-c), tf.constant(c))));
    }
    return graph.tf().withControlDependencies(clips).noOp();
  }

  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    GraphContext graph = in.graph();
    Ops tf = graph.tf();
    Network g = networks.generator();
    Network c = networks.discriminator();
    Operand<TFloat32> fake = g.apply(in.z());
    Operand<TFloat32> realScores = c.apply(in.real());
    Operand<TFloat32> fakeScores = c.apply(fake);

    Operand<TFloat32> cLoss = criticLoss(tf, realScores, fakeScores);
    Operand<TFloat32> gLoss = generatorLoss(tf, fakeScores);
    Op criticUpdate = criticOptimizer.minimize(graph, "D_optimizer", cLoss, c);

    TrainPhase critic = new TrainPhase("critic", c,
        Map.of("loss", cLoss, "wasserstein_estimate", tf.math.neg(cLoss), "learning_rate", criticOptimizer.learningRate(graph)),
        clipAfter(graph, criticUpdate, c.trainableVariables(), clip), true);
    TrainPhase generator = new TrainPhase("generator", g,
        Map.of("loss", gLoss, "learning_rate", generatorOptimizer.learningRate(graph)),
        generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g), false);
    return new ObjectiveGraph(List.of(critic, generator), Schedule.criticThenGenerator(critic, generator, criticSteps));
  }
}
