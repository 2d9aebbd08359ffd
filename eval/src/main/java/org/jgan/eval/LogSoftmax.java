package org.jgan.eval;

/**
 * Class log-probabilities from classifier logits, in double: log p_k = l_k - (max + log sum_j
 * exp(l_j - max)). Subtracting the row's largest logit keeps every exp in (0, 1], so no logit
 * overflows it; staying in log space keeps a class whose probability rounds to 0 finite. The one
 * softmax of the classifier metrics (Inception score, EBGAN score).
 */
public final class LogSoftmax {
  private LogSoftmax() {}

  /**
   * The log-softmax of one row of logits.
   *
   * @param logits the logits of one prediction
   * @return log p_k for every class k, in double
   */
  public static double[] of(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : logits) {
      sum += Math.exp(v - max);
    }
    double logSum = max + Math.log(sum);
    double[] out = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      out[k] = logits[k] - logSum;
    }
    return out;
  }

  /**
   * The log-softmax of every row of {@code logits} [N][K].
   *
   * @param logits the logits, one row per prediction
   * @return log-probabilities [N][K], in double
   */
  public static double[][] rows(float[][] logits) {
    double[][] out = new double[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      out[i] = of(logits[i]);
    }
    return out;
  }
}
