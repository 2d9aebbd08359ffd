package org.jgan.losses;

import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The hinge loss (Lim and Ye 2017, "Geometric GAN"; Miyato et al. 2018, Eq. 16-17):
 * <pre>
 * L_D = E_x[relu(1 - D(x))] + E_z[relu(1 + D(G(z)))]
 * L_G = -E_z[D(G(z))]
 * </pre>
 * with D(.) the discriminator's raw output, and Miyato et al.'s Adam setting C (Table 1:
 * learning rate 2e-4, beta1 0.5, beta2 0.999, one discriminator update per generator update).
 * Written with public API only, as an objective of one's own would be.
 */
public final class HingeGan extends ScoreGame {
  /** Adam's learning rate (Miyato et al., setting C). */
  public static final float LEARNING_RATE = 2e-4f;
  /** Adam's beta1 (setting C). */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2 (setting C). */
  public static final float BETA2 = 0.999f;
  /** n_dis, discriminator updates per generator update (setting C). */
  public static final int DISCRIMINATOR_STEPS = 1;
  /**
   * The 2-D toy sets' learning rate, decayed linearly to 0 over the run (as WGAN-GP's toy script
   * does): at the image rate, 2e-4, 2,000 iterations on 8 Gaussians cover few modes.
   */
  public static final float TOY_LEARNING_RATE = 1e-3f;
  /** {@code hinge}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("hinge", HingeGan::new).taking(Hyperparameter.CRITIC_STEPS)
      .onToyData(new ObjectiveOptions(null, TOY_LEARNING_RATE, true, null, null));

  /** The hinge loss with n_dis discriminator steps per generator step and one optimiser per network. */
  public HingeGan(int discriminatorSteps, Optimizer discriminatorOptimizer, Optimizer generatorOptimizer) {
    super(TYPE, discriminatorSteps, discriminatorOptimizer, HingeGan::discriminatorLoss, generatorOptimizer,
        (tf, real, fake) -> generatorLoss(tf, fake), false);
  }

  /** The defaults above with {@code options} over them. */
  public HingeGan(ObjectiveOptions options) {
    this(options.criticStepsOr(DISCRIMINATOR_STEPS), options.adam(LEARNING_RATE, BETA1, BETA2),
        options.adam(LEARNING_RATE, BETA1, BETA2));
  }

  /** E_x[relu(1 - D(x))] + E_z[relu(1 + D(G(z)))]. */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realScores, Operand<TFloat32> fakeScores) {
    Operand<TFloat32> one = tf.constant(1f);
    return tf.math.add(Reductions.mean(tf, tf.nn.relu(tf.math.sub(one, realScores))),
        Reductions.mean(tf, tf.nn.relu(tf.math.add(one, fakeScores))));
  }

  /** -E_z[D(G(z))]. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeScores) {
    return tf.math.neg(Reductions.mean(tf, fakeScores));
  }
}
