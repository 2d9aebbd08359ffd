package org.jgan.losses;

import org.jgan.graphs.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The f-divergences a boundary-seeking GAN can train with (Hjelm et al. 2017, after f-GAN,
 * Nowozin et al. 2016, Table 6), each written on the discriminator's logit V as f-GAN's pair: the
 * discriminator maximises E_P[r(V)] - E_Q[f(V)], r(V) = g_f(V) the output activation evaluated on
 * real data (P) and f(V) = f*(g_f(V)), the conjugate, on generated data (Q); it minimises the
 * negation. For a fixed generator the maximum over V is the divergence itself (it is bounded).
 * Pearson chi^2 uses f-GAN's pair g_f(v) = v, f*(t) = t + t^2 / 4, whose maximum is
 * sum (p - q)^2 / q. (The BGAN reference code, cortex, has r = V^2, f = -(|V| + 1)^2 / 2 for chi^2,
 * which is unbounded above: its discriminator can raise the objective without limit.)
 *
 * <p>Importance weights w ~ dP/dQ for the generator come from the same pair: the optimal critic is
 * T* = f'(dP/dQ), so w = (f')^-1(T) = (f*)'(T) at T = g_f(V). That gives log w = V for GAN, JS, KL
 * and reverse KL; log w = 2V for squared Hellinger (T = 1 - exp(-V) = 1 - w^(-1/2)); and
 * w = 1 + V / 2 for chi^2. Log weights are normalised over the M samples of each z by a softmax;
 * chi^2's weights, clipped at 0, by their sum.
 *
 * <p>GAN and JS train identically: f-GAN's GAN divergence is 2 JS - log 4, and in these pairs JS's
 * discriminator loss is GAN's minus the constant 2 log 2 (r and f each shifted by log 2) with the same
 * weights, so with one seed the two give the same networks; only the logged loss differs.
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

  /** r(V) = g_f(V), the term on real data. */
  public Operand<TFloat32> real(Ops tf, Operand<TFloat32> v) {
    return switch (this) {
      case GAN -> tf.math.neg(tf.math.softplus(tf.math.neg(v)));                              // -softplus(-V)
      case JENSEN_SHANNON -> tf.math.sub(tf.constant(LOG_2), tf.math.softplus(tf.math.neg(v))); // log 2 - softplus(-V)
      case KL -> tf.math.add(v, tf.constant(1f));                                              // V + 1
      case REVERSE_KL -> tf.math.neg(tf.math.exp(tf.math.neg(v)));                             // -exp(-V)
      case SQUARED_HELLINGER -> tf.math.sub(tf.constant(1f), tf.math.exp(tf.math.neg(v)));     // 1 - exp(-V)
      case PEARSON_CHI2 -> v;                                                                  // V
    };
  }

  /** f(V) = f*(g_f(V)), the term on generated data. */
  public Operand<TFloat32> fake(Ops tf, Operand<TFloat32> v) {
    return switch (this) {
      case GAN -> tf.math.add(tf.math.softplus(tf.math.neg(v)), v);                            // softplus(-V) + V
      case JENSEN_SHANNON -> tf.math.sub(tf.math.add(tf.math.softplus(tf.math.neg(v)), v), tf.constant(LOG_2));
      case KL -> tf.math.exp(v);                                                                // exp(V)
      case REVERSE_KL -> tf.math.sub(v, tf.constant(1f));                                      // V - 1
      case SQUARED_HELLINGER -> tf.math.sub(tf.math.exp(v), tf.constant(1f));                  // exp(V) - 1
      case PEARSON_CHI2 -> tf.math.add(v, tf.math.mul(tf.math.square(v), tf.constant(0.25f))); // V + V^2 / 4
    };
  }

  /** Discriminator loss E_Q[f(V_fake)] - E_P[r(V_real)]. */
  public Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits) {
    return tf.math.sub(Reductions.mean(tf, fake(tf, fakeLogits)), Reductions.mean(tf, real(tf, realLogits)));
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
    Operand<TFloat32> w = chiSquaredWeights(tf, logits);
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
    return tf.math.log(chiSquaredWeights(tf, logits));
  }

  /** chi^2's unnormalised w = max(1 + V / 2, eps): a weight is a density ratio, so never negative. */
  private static Operand<TFloat32> chiSquaredWeights(Ops tf, Operand<TFloat32> v) {
    // f(u) = (u - 1)^2, f'(u) = 2(u - 1) = T = V, so u = dP/dQ = 1 + V / 2 = (f*)'(V).
    return tf.math.maximum(tf.math.add(tf.math.mul(v, tf.constant(0.5f)), tf.constant(1f)), tf.constant(1e-12f));
  }
}
