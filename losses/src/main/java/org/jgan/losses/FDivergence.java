package org.jgan.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The f-divergences a boundary-seeking GAN can train with (Hjelm et al. 2017, after f-GAN,
 * Nowozin et al. 2016), each written on the discriminator's logit V: the discriminator minimises
 * E_Q[f(V)] - E_P[r(V)], r evaluated on real data (P) and f on generated data (Q). The pairs
 * follow the BGAN reference code (cortex), which the issue adopts; its chi^2 pair differs from
 * f-GAN's Pearson chi^2 (r = V, f = V^2 / 4 + V).
 *
 * <p>Importance weights w ~ dP/dQ for the generator, from the optimal critic T* = f'(dP/dQ) of each
 * measure: log w = V for GAN, JS, KL and reverse KL; log w = 2V for squared Hellinger
 * (T = 1 - exp(-V) = 1 - w^(-1/2)); all normalised over the M samples of each z by a softmax. For
 * chi^2, w = V / 2 + 1 (f-GAN's Pearson critic T = 2(w - 1) read with T = V), normalised by its
 * sum. The chi^2 loss pair listed in the issue (cortex's) is unbounded below: a discriminator
 * trained on it can drive |V| up without limit; f-GAN's pair would be r = V, f = V + V^2 / 4.
 */
public enum FDivergence {
  GAN("gan"),
  JENSEN_SHANNON("js"),
  KL("kl"),
  REVERSE_KL("rkl"),
  SQUARED_HELLINGER("hellinger"),
  PEARSON_CHI2("chi2");

  private static final float LOG_2 = (float) Math.log(2);
  private final String id;

  FDivergence(String id) {
    this.id = id;
  }

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /** The divergence called {@code id}: gan, js, kl, rkl, hellinger or chi2. */
  public static FDivergence byId(String id) {
    for (FDivergence d : values()) {
      if (d.id.equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown divergence '" + id + "' (known: gan, js, kl, rkl, hellinger, chi2)");
  }

  /** r(V), the term on real data. */
  public Operand<TFloat32> real(Ops tf, Operand<TFloat32> v) {
    return switch (this) {
      case GAN -> tf.math.neg(tf.math.softplus(tf.math.neg(v)));                              // -softplus(-V)
      case JENSEN_SHANNON -> tf.math.sub(tf.constant(LOG_2), tf.math.softplus(tf.math.neg(v))); // log 2 - softplus(-V)
      case KL -> tf.math.add(v, tf.constant(1f));                                              // V + 1
      case REVERSE_KL -> tf.math.neg(tf.math.exp(tf.math.neg(v)));                             // -exp(-V)
      case SQUARED_HELLINGER -> tf.math.sub(tf.constant(1f), tf.math.exp(tf.math.neg(v)));     // 1 - exp(-V)
      case PEARSON_CHI2 -> tf.math.square(v);                                                  // V^2
    };
  }

  /** f(V), the term on generated data. */
  public Operand<TFloat32> fake(Ops tf, Operand<TFloat32> v) {
    return switch (this) {
      case GAN -> tf.math.add(tf.math.softplus(tf.math.neg(v)), v);                            // softplus(-V) + V
      case JENSEN_SHANNON -> tf.math.sub(tf.math.add(tf.math.softplus(tf.math.neg(v)), v), tf.constant(LOG_2));
      case KL -> tf.math.exp(v);                                                                // exp(V)
      case REVERSE_KL -> tf.math.sub(v, tf.constant(1f));                                      // V - 1
      case SQUARED_HELLINGER -> tf.math.sub(tf.math.exp(v), tf.constant(1f));                  // exp(V) - 1
      case PEARSON_CHI2 -> tf.math.mul(tf.constant(-0.5f),                                     // -0.5 (|V| + 1)^2
          tf.math.square(tf.math.add(tf.math.abs(v), tf.constant(1f))));
    };
  }

  /** Discriminator loss E_Q[f(V_fake)] - E_P[r(V_real)]. */
  public Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits) {
    return tf.math.sub(Gan.mean(tf, fake(tf, fakeLogits)), Gan.mean(tf, real(tf, realLogits)));
  }

  /**
   * Normalised importance weights over the M samples of each z: {@code logits} [M, B] gives [M, B]
   * whose columns sum to 1. A softmax of log w = V (stable log-sum-exp) for all but chi^2, whose
   * w = V / 2 + 1 is clipped at 0 (a weight is a density ratio) and divided by its column sum.
   */
  public Operand<TFloat32> normalisedWeights(Ops tf, Operand<TFloat32> logits) {
    if (this != PEARSON_CHI2) {
      logits = logWeights(tf, logits);
      Operand<TFloat32> max = tf.max(logits, tf.constant(0), org.tensorflow.op.core.Max.keepDims(true));
      Operand<TFloat32> shifted = tf.math.exp(tf.math.sub(logits, tf.stopGradient(max)));
      return tf.math.div(shifted, tf.sum(shifted, tf.constant(0), org.tensorflow.op.core.Sum.keepDims(true)));
    }
    Operand<TFloat32> w = tf.math.maximum(tf.math.add(tf.math.mul(logits, tf.constant(0.5f)), tf.constant(1f)),
        tf.constant(1e-12f));
    return tf.math.div(w, tf.sum(w, tf.constant(0), org.tensorflow.op.core.Sum.keepDims(true)));
  }

  /** log w: V, 2V for squared Hellinger, or log(max(V / 2 + 1, eps)) for chi^2. */
  public Operand<TFloat32> logWeights(Ops tf, Operand<TFloat32> logits) {
    if (this == SQUARED_HELLINGER) {
      return tf.math.mul(logits, tf.constant(2f));
    }
    if (this != PEARSON_CHI2) {
      return logits;
    }
    return tf.math.log(tf.math.maximum(tf.math.add(tf.math.mul(logits, tf.constant(0.5f)), tf.constant(1f)),
        tf.constant(1e-12f)));
  }
}
