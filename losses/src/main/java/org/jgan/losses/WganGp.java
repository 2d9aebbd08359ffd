package org.jgan.losses;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.layers.BatchNorm;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * WGAN with gradient penalty (Gulrajani et al. 2017), Eq. 3:
 * L = E[C(x~)] - E[C(x)] + lambda E[(||grad_x^ C(x^)||_2 - 1)^2], x^ = x + alpha (x~ - x), alpha ~ U[0, 1].
 *
 * <p>The critic must not use batch normalisation (Section 4 of the paper): the penalty constrains
 * each example's gradient, and batch norm makes each score depend on the whole batch. An
 * architecture whose critic has a {@link BatchNorm} layer is refused; the generator may keep
 * its batch norm. (The WGAN paper's "no batch norm" experiment is a different thing: it removes
 * batch norm from the generator.)
 */
public final class WganGp implements Objective {
  /** Inside the square root so that a zero gradient has a finite norm gradient (no NaN). */
  public static final float NORM_EPSILON = 1e-10f;

  /** lambda, the gradient-penalty weight (Algorithm 1). */
  public static final float LAMBDA = 10f;
  /** n_critic (Algorithm 1). */
  public static final int N_CRITIC = 5;
  /** Adam's alpha, beta1, beta2 (Algorithm 1). */
  public static final float LEARNING_RATE = 1e-4f;
  /** Adam's beta1 (Algorithm 1). */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2 (Algorithm 1). */
  public static final float BETA2 = 0.9f;
  /** lambda of the reference toy script (gan_toy.py), which the 2-D sets use. */
  public static final float TOY_LAMBDA = 0.1f;
  /** The 2-D sets' larger learning rate, decayed linearly, so a toy run converges in seconds. */
  public static final float TOY_LEARNING_RATE = 1e-3f;
  /** {@code wgan-gp}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("wgan-gp", WganGp::fromOptions)
      .taking(Hyperparameter.CRITIC_STEPS, Hyperparameter.GRADIENT_PENALTY_WEIGHT)
      .onToyData(new ObjectiveOptions(null, TOY_LEARNING_RATE, true, TOY_LAMBDA, null))
      .relaxingDiscreteData(RelaxedWganGp::fromOptions);

  private final float lambda;
  private final int criticSteps;
  private final Optimizer criticOptimizer;
  private final Optimizer generatorOptimizer;

  /** WGAN-GP with explicit settings. */
  public WganGp(float lambda, int criticSteps, Optimizer criticOptimizer, Optimizer generatorOptimizer) {
    if (lambda < 0) {
      throw new IllegalArgumentException("lambda " + lambda + " must be non-negative");
    }
    if (criticSteps < 1) {
      throw new IllegalArgumentException("n_critic " + criticSteps + " must be at least 1");
    }
    this.lambda = lambda;
    this.criticSteps = criticSteps;
    this.criticOptimizer = criticOptimizer;
    this.generatorOptimizer = generatorOptimizer;
  }

  /** The paper's defaults: lambda = 10, n_critic = 5, Adam(1e-4, 0.5, 0.9) for both networks. */
  public WganGp() {
    this(LAMBDA, N_CRITIC);
  }

  /** WGAN-GP with lambda, n_critic and Adam(1e-4, 0.5, 0.9). */
  public WganGp(float lambda, int criticSteps) {
    this(lambda, criticSteps, new Adam(LEARNING_RATE, BETA1, BETA2), new Adam(LEARNING_RATE, BETA1, BETA2));
  }

  /** The paper's settings with {@code options} over them. */
  static WganGp fromOptions(ObjectiveOptions options) {
    return new WganGp(ObjectiveOptions.or(options.gradientPenaltyWeight(), LAMBDA), options.criticStepsOr(N_CRITIC),
        options.adam(LEARNING_RATE, BETA1, BETA2), options.adam(LEARNING_RATE, BETA1, BETA2));
  }

  @Override
  public String name() {
    return TYPE.name();
  }

  /** The architecture's networks, refusing a critic with batch norm (IllegalArgumentException naming both). */
  @Override
  public List<Layer> layersFor(Role role, Architecture architecture, ModelShape shape) {
    List<Layer> layers = Objective.super.layersFor(role, architecture, shape);
    return role == Role.DISCRIMINATOR ? withoutBatchNorm(name(), architecture, layers) : layers;
  }

  /** {@code critic}, unless it has a batch-norm layer: then an IllegalArgumentException naming the objective and architecture. */
  static List<Layer> withoutBatchNorm(String objective, Architecture architecture, List<Layer> critic) {
    if (critic.stream().anyMatch(layer -> layer instanceof BatchNorm)) {
      throw new IllegalArgumentException(objective + " cannot train architecture " + architecture.name()
          + ": its critic uses batch norm, which the gradient penalty forbids (Gulrajani et al. 2017, Section 4);"
          + " use a critic without it, e.g. dcgan28");
    }
    return critic;
  }

  /** x^ = x + alpha (x~ - x), with alpha [batch] broadcast over every non-batch axis (one alpha per example). */
  public static Operand<TFloat32> interpolate(Ops tf, Operand<TFloat32> real, Operand<TFloat32> fake,
      Operand<TFloat32> alpha) {
    Operand<TInt32> ones = tf.fill(tf.expandDims(tf.math.sub(tf.rank(real), tf.constant(1)), tf.constant(0)),
        tf.constant(1));
    Operand<TInt32> alphaShape = tf.concat(List.of(tf.expandDims(tf.size(alpha), tf.constant(0)), ones), tf.constant(0));
    Operand<TFloat32> perExample = tf.reshape(alpha, alphaShape);
    return tf.math.add(real, tf.math.mul(perExample, tf.math.sub(fake, real)));
  }

  /**
   * The penalty E[(||grad_x^ C(x^)||_2 - 1)^2] (without lambda), the norm over every non-batch
   * axis of each example's gradient.
   */
  public static Operand<TFloat32> gradientPenalty(GraphContext graph, UnaryOperator<Operand<TFloat32>> critic,
      Operand<TFloat32> interpolates) {
    Ops tf = graph.tf();
    Operand<TFloat32> scores = critic.apply(interpolates);
    // Examples are independent, so d sum(C) / d x^_i = d C(x^_i) / d x^_i.
    Operand<TFloat32> grad = Gradients.of(graph, "gradient_penalty", scores, List.of(interpolates)).get(0);
    Operand<TFloat32> squaredNorm = Reductions.sumPerExample(tf, tf.math.square(grad));
    // pow(., 0.5) rather than Sqrt: Sqrt has no second-order gradient in TensorFlow's C API.
    Operand<TFloat32> norm = tf.math.pow(tf.math.add(squaredNorm, tf.constant(NORM_EPSILON)), tf.constant(0.5f));
    return Reductions.mean(tf, tf.math.square(tf.math.sub(norm, tf.constant(1f))));
  }

  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    Network g = networks.generator();
    Operand<TFloat32> fake = g.apply(in.z());
    return game(in.graph(), in.batchSize(), g, networks.discriminator(), in.real(), fake, lambda, criticSteps,
        criticOptimizer, generatorOptimizer);
  }

  /**
   * Eq. 3's game between generator {@code g} and critic {@code c} on critic inputs {@code real} and
   * {@code fake} (the generator's output, or what {@link RelaxedWganGp} makes of it): the losses,
   * both phases and n_critic critic updates per generator update.
   */
  static ObjectiveGraph game(GraphContext graph, int batchSize, Network g, Network c, Operand<TFloat32> real,
      Operand<TFloat32> fake, float lambda, int criticSteps, Optimizer criticOptimizer, Optimizer generatorOptimizer) {
    Ops tf = graph.tf();
    Operand<TFloat32> realScores = c.apply(real);
    Operand<TFloat32> fakeScores = c.apply(fake);

    Operand<TFloat32> alpha = graph.uniform(tf.constant(new int[] {batchSize}));
    Operand<TFloat32> penalty = gradientPenalty(graph, c::apply, interpolate(tf, real, fake, alpha));
    Operand<TFloat32> wassersteinLoss = Wgan.criticLoss(tf, realScores, fakeScores);
    // Eq. 3: E[C(x~)] - E[C(x)] + lambda * GP
    Operand<TFloat32> cLoss = tf.math.add(wassersteinLoss, tf.math.mul(tf.constant(lambda), penalty));
    Operand<TFloat32> gLoss = Wgan.generatorLoss(tf, fakeScores);

    TrainPhase critic = new TrainPhase("critic", c,
        Map.of("loss", cLoss, "gradient_penalty", penalty, "wasserstein_estimate", tf.math.neg(wassersteinLoss),
            "learning_rate", criticOptimizer.learningRate(graph)),
        criticOptimizer.minimize(graph, "D_optimizer", cLoss, c), true);
    TrainPhase generator = new TrainPhase("generator", g,
        Map.of("loss", gLoss, "learning_rate", generatorOptimizer.learningRate(graph)),
        generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g), false);
    return new ObjectiveGraph(List.of(critic, generator),
        Schedule.criticThenGenerator(critic, generator, iteration -> criticSteps));
  }
}
