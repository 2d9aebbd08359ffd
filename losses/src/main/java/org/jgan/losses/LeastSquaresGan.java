package org.jgan.losses;

import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Least-squares GAN (Mao et al. 2017), Eq. 2 with the 0-1 coding a = 0, b = 1, c = 1 (Eq. 9):
 * <pre>
 * min_D V(D) = 1/2 E_x[(D(x) - b)^2] + 1/2 E_z[(D(G(z)) - a)^2]
 * min_G V(G) = 1/2 E_z[(D(G(z)) - c)^2]
 * </pre>
 * where D(.) is the discriminator's raw, linear output. Written with public API only, as an
 * objective of one's own would be.
 */
public final class LeastSquaresGan extends ScoreGame {
  /** a, the label of generated data. */
  public static final float A = 0f;
  /** b, the label of real data. */
  public static final float B = 1f;
  /** c, the value the generator wants D to give its samples. */
  public static final float C = 1f;
  /** Adam's learning rate (DCGAN's, which the paper's networks follow). */
  public static final float LEARNING_RATE = 2e-4f;
  /** Adam's beta1. */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2. */
  public static final float BETA2 = 0.999f;
  /** Discriminator updates per generator update. */
  public static final int DISCRIMINATOR_STEPS = 1;
  /**
   * The 2-D toy sets' learning rate, decayed linearly to 0 over the run (as WGAN-GP's toy script
   * does): at the image rate, 2e-4, 2,000 iterations on 8 Gaussians cover few modes.
   */
  public static final float TOY_LEARNING_RATE = 1e-3f;
  /** {@code lsgan}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("lsgan", LeastSquaresGan::new)
      .taking(Hyperparameter.CRITIC_STEPS)
      .onToyData(new ObjectiveOptions(null, TOY_LEARNING_RATE, true, null, null));

  /** LSGAN with k discriminator steps per generator step and one optimiser per network. */
  public LeastSquaresGan(int discriminatorSteps, Optimizer discriminatorOptimizer, Optimizer generatorOptimizer) {
    super(TYPE, discriminatorSteps, discriminatorOptimizer, LeastSquaresGan::discriminatorLoss, generatorOptimizer,
        (tf, real, fake) -> generatorLoss(tf, fake), false);
  }

  /** The defaults above with {@code options} over them. */
  public LeastSquaresGan(ObjectiveOptions options) {
    this(options.criticStepsOr(DISCRIMINATOR_STEPS), options.adam(LEARNING_RATE, BETA1, BETA2),
        options.adam(LEARNING_RATE, BETA1, BETA2));
  }

  /** 1/2 E_x[(D(x) - b)^2] + 1/2 E_z[(D(G(z)) - a)^2]. */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realScores, Operand<TFloat32> fakeScores) {
    Operand<TFloat32> real = Reductions.mean(tf, tf.math.square(tf.math.sub(realScores, tf.constant(B))));
    Operand<TFloat32> fake = Reductions.mean(tf, tf.math.square(tf.math.sub(fakeScores, tf.constant(A))));
    return tf.math.mul(tf.constant(0.5f), tf.math.add(real, fake));
  }

  /** 1/2 E_z[(D(G(z)) - c)^2]. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeScores) {
    return tf.math.mul(tf.constant(0.5f), Reductions.mean(tf, tf.math.square(tf.math.sub(fakeScores, tf.constant(C)))));
  }
}
