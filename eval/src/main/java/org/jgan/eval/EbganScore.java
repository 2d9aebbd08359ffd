package org.jgan.eval;

/**
 * The EBGAN paper's modified inception score (Zhao, Mathieu and LeCun, "Energy-based Generative
 * Adversarial Network", ICLR 2017, section 4.1): I' = E_x KL(p(y) || p(y|x)), with p(y|x) the class
 * probabilities an MNIST classifier gives a generated sample x and p(y) their mean over the samples.
 * It differs from the inception score of Salimans et al. 2016, exp(E_x KL(p(y|x) || p(y))), twice:
 * the KL's arguments are swapped and there is no exponential. The paper defines it to make the
 * histograms of its grid search more compact and reads a higher I' as better samples: confident
 * predictions (small p(y|x) off the predicted class) spread over classes (a broad p(y)) score high, and
 * a generator whose every sample gets the same prediction scores 0.
 *
 * <p>Unlike the original score it is unbounded: as p(y|x) of a class that p(y) gives mass goes to 0,
 * I' grows without limit. So it is computed from logits with log-softmax in double, never from
 * rounded probabilities, which could be exactly 0 and give infinity.
 */
public final class EbganScore {
  private EbganScore() {}

  /**
   * @param score I' over every sample
   * @param samples number of samples scored
   * @param classes number of classes
   */
  public record Score(double score, int samples, int classes) {}

  /** I' of classifier logits [N][K] (log-softmax taken in double, {@link LogSoftmax}). */
  public static Score fromLogits(float[][] logits) {
    return fromLogProbabilities(LogSoftmax.rows(logits));
  }

  /** I' of class probabilities [N][K], each row summing to 1; a zero where p(y) is not zero gives infinity. */
  public static Score fromProbabilities(double[][] probabilities) {
    double[][] logProbabilities = new double[probabilities.length][];
    for (int i = 0; i < probabilities.length; i++) {
      logProbabilities[i] = new double[probabilities[i].length];
      for (int k = 0; k < probabilities[i].length; k++) {
        logProbabilities[i][k] = Math.log(probabilities[i][k]);
      }
    }
    return fromLogProbabilities(logProbabilities);
  }

  private static Score fromLogProbabilities(double[][] logProbabilities) {
    int n = logProbabilities.length;
    if (n == 0) {
      throw new IllegalArgumentException("no predictions to score");
    }
    int classes = logProbabilities[0].length;
    double[] marginal = new double[classes];
    for (double[] row : logProbabilities) {
      if (row.length != classes) {
        throw new IllegalArgumentException("prediction rows have different lengths: " + classes + " and " + row.length);
      }
      for (int k = 0; k < classes; k++) {
        marginal[k] += Math.exp(row[k]) / n;
      }
    }
    // KL(p(y) || p(y|x)) = sum_y p(y) (log p(y) - log p(y|x)), with 0 log 0 = 0 for classes p(y) never gives.
    double total = 0;
    for (double[] row : logProbabilities) {
      for (int k = 0; k < classes; k++) {
        if (marginal[k] > 0) {
          total += marginal[k] * (Math.log(marginal[k]) - row[k]);
        }
      }
    }
    return new Score(total / n, n, classes);
  }
}
