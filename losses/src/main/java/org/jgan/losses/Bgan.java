package org.jgan.losses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Boundary-seeking GAN for continuous data (Hjelm et al. 2017, the continuous-variable objective):
 * the discriminator is the usual GAN discriminator (binary cross-entropy, {@link Gan}); the
 * generator seeks the decision boundary D = 1/2 by minimising
 * 0.5 * E_z[(log D(G(z)) - log(1 - D(G(z))))^2] = 0.5 * E_z[V(G(z))^2], V the discriminator's
 * logit, so log D - log(1 - D) = V exactly and no probability is ever formed.
 *
 * <p>Optionally the discriminator also minimises gamma E_P[||grad_x V(x)||_2^2], a zero-centred
 * gradient-norm penalty on real data: the paper's continuous results regularise the
 * discriminator's gradient norm, and the authors' code (cortex, its "contractive" penalty, weight
 * 0.5 there) applies it in this form, to the logit's gradient at the real batch, rather than
 * WGAN-GP's (||grad|| - 1)^2 at interpolates. gamma = 0 (the default) builds no penalty at all, so
 * the graph and its results are those of the plain objective.
 */
public final class Bgan implements Objective {
  /** The penalty weight gamma when none is given: 0, no penalty. */
  public static final float DEFAULT_PENALTY_WEIGHT = 0f;
  /** DCGAN's Adam learning rate, as for the GAN objectives. */
  public static final float LEARNING_RATE = 2e-4f;
  /** DCGAN's Adam beta1. */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2. */
  public static final float BETA2 = 0.999f;
  /** {@code bgan}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("bgan", Bgan::fromOptions)
      .taking(Hyperparameter.GRADIENT_PENALTY_WEIGHT);

  private final float penaltyWeight;
  private final Optimizer discriminatorOptimizer;
  private final Optimizer generatorOptimizer;

  /** @param penaltyWeight gamma, the weight of the real-data gradient penalty (0: none) */
  public Bgan(float penaltyWeight, Optimizer discriminatorOptimizer, Optimizer generatorOptimizer) {
    this.penaltyWeight = requirePenaltyWeight(penaltyWeight);
    this.discriminatorOptimizer = discriminatorOptimizer;
    this.generatorOptimizer = generatorOptimizer;
  }

  /** No gradient penalty. */
  public Bgan(Optimizer discriminatorOptimizer, Optimizer generatorOptimizer) {
    this(DEFAULT_PENALTY_WEIGHT, discriminatorOptimizer, generatorOptimizer);
  }

  /** DCGAN's Adam(2e-4, 0.5) for both networks, as for the GAN objectives. */
  public Bgan() {
    this(new Adam(LEARNING_RATE, BETA1, BETA2), new Adam(LEARNING_RATE, BETA1, BETA2));
  }

  /** The default settings with {@code options} over them. */
  static Bgan fromOptions(ObjectiveOptions options) {
    return new Bgan(ObjectiveOptions.or(options.gradientPenaltyWeight(), DEFAULT_PENALTY_WEIGHT),
        options.adam(LEARNING_RATE, BETA1, BETA2), options.adam(LEARNING_RATE, BETA1, BETA2));
  }

  @Override
  public String name() {
    return TYPE.name();
  }

  /** Boundary-seeking generator loss: 0.5 * E[(log D(G(z)) - log(1 - D(G(z))))^2] = 0.5 * E[V^2]. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeLogits) {
    return tf.math.mul(tf.constant(0.5f), Reductions.mean(tf, tf.math.square(fakeLogits)));
  }

  /** {@code penaltyWeight}, refused unless it is non-negative. */
  static float requirePenaltyWeight(float penaltyWeight) {
    if (!(penaltyWeight >= 0)) {
      throw new IllegalArgumentException("gradient-penalty weight " + penaltyWeight + " must be non-negative");
    }
    return penaltyWeight;
  }

  /**
   * {@code dLoss} + gamma E_P[||grad_x V(x)||_2^2] with gamma = {@code penaltyWeight}, the penalty
   * logged in {@code metrics} as {@code gradient_penalty}; {@code dLoss} itself when gamma is 0, so no
   * penalty is built. {@code realLogits} must be computed densely from {@code real}.
   */
  static Operand<TFloat32> withRealGradientPenalty(GraphContext graph, Operand<TFloat32> dLoss, float penaltyWeight,
      Operand<TFloat32> realLogits, Operand<TFloat32> real, Map<String, Operand<TFloat32>> metrics) {
    if (penaltyWeight == 0) {
      return dLoss;
    }
    Ops tf = graph.tf();
    Operand<TFloat32> penalty = realGradientPenalty(graph, realLogits, real);
    metrics.put("gradient_penalty", penalty);
    return tf.math.add(dLoss, tf.math.mul(tf.constant(penaltyWeight), penalty));   // + gamma E_P||grad_x V||^2
  }

  /**
   * The zero-centred penalty E_P[||grad_x V(x)||_2^2] (without its weight): {@code realLogits} [batch]
   * must be computed from {@code real}; the norm runs over every non-batch axis of each example.
   */
  public static Operand<TFloat32> realGradientPenalty(GraphContext graph, Operand<TFloat32> realLogits,
      Operand<TFloat32> real) {
    Ops tf = graph.tf();
    // Examples are independent, so d sum(V) / d x_i = d V(x_i) / d x_i.
    Operand<TFloat32> grad = Gradients.of(graph, "D_gradient_penalty", realLogits, List.of(real)).get(0);
    Operand<TInt32> nonBatchAxes = tf.range(tf.constant(1), tf.rank(grad), tf.constant(1));
    return Reductions.mean(tf, tf.reduceSum(tf.math.square(grad), nonBatchAxes));
  }

  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    GraphContext graph = in.graph();
    Ops tf = graph.tf();
    Network g = networks.generator();
    Network d = networks.discriminator();
    Operand<TFloat32> fake = g.apply(in.z());
    Operand<TFloat32> realLogits = d.apply(in.real());
    Operand<TFloat32> fakeLogits = d.apply(fake);

    Operand<TFloat32> dLoss = Gan.discriminatorLoss(tf, realLogits, fakeLogits);
    Operand<TFloat32> gLoss = generatorLoss(tf, fakeLogits);
    Map<String, Operand<TFloat32>> dMetrics = new HashMap<>(Map.of("d_real", Reductions.mean(tf, tf.math.sigmoid(realLogits)),
        "d_fake", Reductions.mean(tf, tf.math.sigmoid(fakeLogits))));
    dLoss = withRealGradientPenalty(graph, dLoss, penaltyWeight, realLogits, in.real(), dMetrics);
    dMetrics.put("loss", dLoss);

    TrainPhase discriminator = new TrainPhase("discriminator", d, dMetrics,
        discriminatorOptimizer.minimize(graph, "D_optimizer", dLoss, d), true);
    TrainPhase generator = new TrainPhase("generator", g, Map.of("loss", gLoss),
        generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g), false);
    return new ObjectiveGraph(List.of(discriminator, generator),
        Schedule.criticThenGenerator(discriminator, generator, iteration -> 1));
  }
}
