package org.jgan.losses;

import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Momentum;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Generative adversarial nets (Goodfellow et al. 2014), Eq. 1:
 * min_G max_D E_x[log D(x)] + E_z[log(1 - D(G(z)))], with D(x) = sigmoid(logit(x)).
 *
 * <p>Everything is computed from logits: -log sigmoid(l) = softplus(-l) and
 * -log(1 - sigmoid(l)) = softplus(l), which stay finite for any logit.
 */
public final class Gan implements Objective {
  /** Which generator loss to minimise. */
  public enum GeneratorLoss {
    /** E_z[log(1 - D(G(z)))], the minimax game of Eq. 1. */
    MINIMAX,
    /** -E_z[log D(G(z))], the non-saturating alternative of Section 3. */
    NON_SATURATING
  }

  /** How the two networks take turns. */
  public enum Updates {
    /** k discriminator updates, then one generator update on a fresh forward pass (Algorithm 1). */
    ALTERNATING,
    /**
     * Both networks updated in one step from one forward pass (the same z, real batch and dropout
     * masks), every gradient taken at the weights of before the step: what the paper's code did
     * (goodfeli/adversarial, AdversaryCost2.get_gradients returns both networks' gradients for
     * one pylearn2 SGD update).
     */
    SIMULTANEOUS
  }

  /** DCGAN's Adam (Radford et al. 2016): learning rate 2e-4, beta1 0.5, beta2 0.999. */
  public static final float LEARNING_RATE = 2e-4f;
  /** DCGAN's Adam beta1. */
  public static final float BETA1 = 0.5f;
  /** Adam's default beta2, kept by DCGAN. */
  public static final float BETA2 = 0.999f;
  /** The GAN paper's SGD learning rate (goodfeli/adversarial, mnist.yaml), with {@code --optimizer momentum}. */
  public static final float SGD_LEARNING_RATE = 0.1f;
  /** k, discriminator updates per generator update (Algorithm 1 uses k = 1). */
  public static final int DISCRIMINATOR_STEPS = 1;

  /** {@code gan}: the minimax game of Eq. 1. */
  public static final ObjectiveType MINIMAX_TYPE = ObjectiveType.of("gan", o -> fromOptions(GeneratorLoss.MINIMAX, o))
      .taking(Hyperparameter.CRITIC_STEPS, Hyperparameter.MOMENTUM, Hyperparameter.DISCRIMINATOR_LOSS_WEIGHT,
          Hyperparameter.SIMULTANEOUS_UPDATES);
  /** {@code gan-ns}: the non-saturating generator loss of Section 3. */
  public static final ObjectiveType NON_SATURATING_TYPE = ObjectiveType.of("gan-ns",
      o -> fromOptions(GeneratorLoss.NON_SATURATING, o)).taking(Hyperparameter.CRITIC_STEPS, Hyperparameter.MOMENTUM,
          Hyperparameter.DISCRIMINATOR_LOSS_WEIGHT, Hyperparameter.SIMULTANEOUS_UPDATES);

  private final GeneratorLoss generatorLoss;
  private final int discriminatorSteps;
  private final Optimizer discriminatorOptimizer;
  private final Optimizer generatorOptimizer;
  private final float discriminatorLossWeight;
  private final Updates updates;

  /**
   * @param discriminatorSteps k, the discriminator updates per generator update (Algorithm 1)
   */
  public Gan(GeneratorLoss generatorLoss, int discriminatorSteps, Optimizer discriminatorOptimizer,
      Optimizer generatorOptimizer) {
    this(generatorLoss, discriminatorSteps, discriminatorOptimizer, generatorOptimizer, 1f, Updates.ALTERNATING);
  }

  /**
   * @param discriminatorSteps k, the discriminator updates per generator update (Algorithm 1); 1
   *     for simultaneous updates
   * @param discriminatorLossWeight the factor on the discriminator's loss: the paper's code
   *     minimises 0.5 (cost on real + cost on fake) (AdversaryCost2's d_obj), 1 here by default
   * @param updates alternating or simultaneous updates
   */
  public Gan(GeneratorLoss generatorLoss, int discriminatorSteps, Optimizer discriminatorOptimizer,
      Optimizer generatorOptimizer, float discriminatorLossWeight, Updates updates) {
    if (discriminatorSteps < 1) {
      throw new IllegalArgumentException("k (discriminator steps) " + discriminatorSteps + " must be at least 1");
    }
    if (updates == Updates.SIMULTANEOUS && discriminatorSteps != 1) {
      throw new IllegalArgumentException("simultaneous updates take one discriminator step per iteration, not "
          + discriminatorSteps);
    }
    if (!(discriminatorLossWeight > 0)) {
      throw new IllegalArgumentException("discriminator loss weight " + discriminatorLossWeight + " must be positive");
    }
    this.generatorLoss = generatorLoss;
    this.discriminatorSteps = discriminatorSteps;
    this.discriminatorOptimizer = discriminatorOptimizer;
    this.generatorOptimizer = generatorOptimizer;
    this.discriminatorLossWeight = discriminatorLossWeight;
    this.updates = updates;
  }

  /** k = 1 and Adam(2e-4, 0.5, 0.999) for both networks, the DCGAN settings. */
  public Gan(GeneratorLoss generatorLoss) {
    this(generatorLoss, DISCRIMINATOR_STEPS, new Adam(LEARNING_RATE, BETA1, BETA2), new Adam(LEARNING_RATE, BETA1, BETA2));
  }

  /**
   * DCGAN's Adam settings unless {@code options} ask for the GAN paper's SGD with momentum (its
   * learning rate 0.1), with the options' k, discriminator loss weight and update schedule.
   */
  static Gan fromOptions(GeneratorLoss loss, ObjectiveOptions options) {
    return new Gan(loss, options.criticStepsOr(DISCRIMINATOR_STEPS), optimizer(options, Role.DISCRIMINATOR),
        optimizer(options, Role.GENERATOR), ObjectiveOptions.or(options.discriminatorLossWeight(), 1f),
        options.simultaneous() ? Updates.SIMULTANEOUS : Updates.ALTERNATING);
  }

  /** {@code network}'s optimiser: SGD with the momentum ramp or Adam, each at its own default learning rate. */
  private static Optimizer optimizer(ObjectiveOptions options, Role network) {
    boolean sgd = options.sgdFor(network);
    float lr = options.learningRateOr(sgd ? SGD_LEARNING_RATE : LEARNING_RATE);
    return options.decayed(sgd ? new Momentum(lr, options.momentum()) : new Adam(lr, BETA1, BETA2));
  }

  /** The discriminator's optimiser. */
  public Optimizer discriminatorOptimizer() {
    return discriminatorOptimizer;
  }

  /** The generator's optimiser. */
  public Optimizer generatorOptimizer() {
    return generatorOptimizer;
  }

  @Override
  public String name() {
    return (generatorLoss == GeneratorLoss.MINIMAX ? MINIMAX_TYPE : NON_SATURATING_TYPE).name();
  }

  /** Discriminator loss, Eq. 1 negated: -E[log D(x)] - E[log(1 - D(G(z)))]. */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits) {
    return tf.math.add(Reductions.mean(tf, tf.math.softplus(tf.math.neg(realLogits))), Reductions.mean(tf, tf.math.softplus(fakeLogits)));
  }

  /** Minimax generator loss, Eq. 1: E[log(1 - D(G(z)))] = -E[softplus(logit)]. */
  public static Operand<TFloat32> minimaxGeneratorLoss(Ops tf, Operand<TFloat32> fakeLogits) {
    return tf.math.neg(Reductions.mean(tf, tf.math.softplus(fakeLogits)));
  }

  /** Non-saturating generator loss, Section 3: -E[log D(G(z))] = E[softplus(-logit)]. */
  public static Operand<TFloat32> nonSaturatingGeneratorLoss(Ops tf, Operand<TFloat32> fakeLogits) {
    return Reductions.mean(tf, tf.math.softplus(tf.math.neg(fakeLogits)));
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

    Operand<TFloat32> dLoss = discriminatorLoss(tf, realLogits, fakeLogits);
    if (discriminatorLossWeight != 1f) {
      dLoss = tf.math.mul(tf.constant(discriminatorLossWeight), dLoss);
    }
    Operand<TFloat32> gLoss = generatorLoss == GeneratorLoss.MINIMAX
        ? minimaxGeneratorLoss(tf, fakeLogits)
        : nonSaturatingGeneratorLoss(tf, fakeLogits);
    Operand<TFloat32> dReal = Reductions.mean(tf, tf.math.sigmoid(realLogits));
    Operand<TFloat32> dFake = Reductions.mean(tf, tf.math.sigmoid(fakeLogits));

    if (updates == Updates.SIMULTANEOUS) {
      Op step = Steps.minimizeSimultaneously(graph, discriminatorOptimizer, "D_optimizer", dLoss, d,
          generatorOptimizer, "G_optimizer", gLoss, g);
      TrainPhase both = new TrainPhase("simultaneous", d,
          Map.of("loss", dLoss, "generator_loss", gLoss, "d_real", dReal, "d_fake", dFake,
              "learning_rate", discriminatorOptimizer.learningRate(graph),
              "generator_learning_rate", generatorOptimizer.learningRate(graph)), step, true);
      return new ObjectiveGraph(java.util.List.of(both), Schedule.simultaneous(both));
    }
    TrainPhase discriminator = new TrainPhase("discriminator", d,
        Map.of("loss", dLoss, "d_real", dReal, "d_fake", dFake,
            "learning_rate", discriminatorOptimizer.learningRate(graph)),
        discriminatorOptimizer.minimize(graph, "D_optimizer", dLoss, d), true);
    TrainPhase generator = new TrainPhase("generator", g,
        Map.of("loss", gLoss, "learning_rate", generatorOptimizer.learningRate(graph)),
        generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g), false);
    return new ObjectiveGraph(java.util.List.of(discriminator, generator),
        Schedule.criticThenGenerator(discriminator, generator, iteration -> discriminatorSteps));
  }
}
