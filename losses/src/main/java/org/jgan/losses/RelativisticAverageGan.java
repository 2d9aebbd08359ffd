package org.jgan.losses;

import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Relativistic average standard GAN, RaSGAN (Jolicoeur-Martineau 2018, Section 4.3): with C(.)
 * the critic's raw output, D~(x_r) = sigmoid(C(x_r) - E_{x_f}[C(x_f)]) and
 * D~(x_f) = sigmoid(C(x_f) - E_{x_r}[C(x_r)]),
 * <pre>
 * L_D = -E_{x_r}[log D~(x_r)] - E_{x_f}[log(1 - D~(x_f))]
 * L_G = -E_{x_f}[log D~(x_f)] - E_{x_r}[log(1 - D~(x_r))]
 * </pre>
 * computed from logits as -log sigmoid(v) = softplus(-v), -log(1 - sigmoid(v)) = softplus(v). The
 * generator's loss reads real data too. Adam(2e-4, 0.5, 0.999) and one critic update per
 * generator update, the paper's stable setting. Written with public API only, as an objective of
 * one's own would be.
 */
public final class RelativisticAverageGan extends ScoreGame {
  /** Adam's learning rate. */
  public static final float LEARNING_RATE = 2e-4f;
  /** Adam's beta1. */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2. */
  public static final float BETA2 = 0.999f;
  /** n_D, critic updates per generator update. */
  public static final int DISCRIMINATOR_STEPS = 1;
  /**
   * The 2-D toy sets' learning rate, decayed linearly to 0 over the run (as WGAN-GP's toy script
   * does): at the image rate, 2e-4, 2,000 iterations on 8 Gaussians covered 1 to 4 modes; at 1e-3
   * (the other objectives' toy rate) one seed of three left the data entirely; at 5e-4, 7 or 8.
   */
  public static final float TOY_LEARNING_RATE = 5e-4f;
  /** {@code ragan}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("ragan", RelativisticAverageGan::new)
      .taking(Hyperparameter.CRITIC_STEPS)
      .onToyData(new ObjectiveOptions(null, TOY_LEARNING_RATE, true, null, null));

  /** RaSGAN with n_D critic steps per generator step and one optimiser per network. */
  public RelativisticAverageGan(int discriminatorSteps, Optimizer discriminatorOptimizer,
      Optimizer generatorOptimizer) {
    // The generator's loss compares its samples with a real batch, so its step reads one too.
    super(TYPE, discriminatorSteps, discriminatorOptimizer, RelativisticAverageGan::discriminatorLoss,
        generatorOptimizer, RelativisticAverageGan::generatorLoss, true);
  }

  /** The defaults above with {@code options} over them. */
  public RelativisticAverageGan(ObjectiveOptions options) {
    this(options.criticStepsOr(DISCRIMINATOR_STEPS), options.adam(LEARNING_RATE, BETA1, BETA2),
        options.adam(LEARNING_RATE, BETA1, BETA2));
  }

  /** -E[log sigmoid(C(x_r) - E[C(x_f)])] - E[log(1 - sigmoid(C(x_f) - E[C(x_r)]))]. */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realScores, Operand<TFloat32> fakeScores) {
    return relativisticLoss(tf, realScores, fakeScores);
  }

  /** -E[log sigmoid(C(x_f) - E[C(x_r)])] - E[log(1 - sigmoid(C(x_r) - E[C(x_f)]))]: the roles swapped. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> realScores, Operand<TFloat32> fakeScores) {
    return relativisticLoss(tf, fakeScores, realScores);
  }

  /** -E[log sigmoid(C(a) - E[C(b)])] - E[log(1 - sigmoid(C(b) - E[C(a)]))], a the side labelled real. */
  private static Operand<TFloat32> relativisticLoss(Ops tf, Operand<TFloat32> asReal, Operand<TFloat32> asFake) {
    Operand<TFloat32> realOverFake = tf.math.sub(asReal, Reductions.mean(tf, asFake));
    Operand<TFloat32> fakeOverReal = tf.math.sub(asFake, Reductions.mean(tf, asReal));
    return tf.math.add(Reductions.mean(tf, tf.math.softplus(tf.math.neg(realOverFake))),
        Reductions.mean(tf, tf.math.softplus(fakeOverReal)));
  }
}
