package org.jgan.eval;

import org.jgan.graphs.Tensors;
import org.tensorflow.types.TFloat32;

/**
 * Inception score (Salimans et al. 2016, section 4): IS = exp(E_x KL(p(y|x) || p(y))), with p(y)
 * the mean prediction of the split, computed on each of {@code splits} consecutive parts of the
 * predictions and reported as mean and std over parts (the reference inception_score.py of
 * openai/improved-gan; TF-GAN's classifier_metrics.py). All arithmetic is in double.
 */
public final class InceptionScore {
  /** Splits of the reference protocol. */
  public static final int DEFAULT_SPLITS = 10;

  private InceptionScore() {}

  /**
   * @param mean mean of the per-split scores
   * @param std population std of the per-split scores (numpy's default, as in the reference)
   * @param splits number of splits
   * @param samples number of predictions scored
   * @param classes number of classes
   * @param splitScores the score of every split, in order
   */
  public record Score(double mean, double std, int splits, int samples, int classes, double[] splitScores) {}

  /** The score of class probabilities {@code probs[i][k]} (rows sum to 1) over {@link #DEFAULT_SPLITS} splits. */
  public static Score fromProbabilities(float[][] probs) {
    return fromProbabilities(probs, DEFAULT_SPLITS);
  }

  /**
   * The score of class probabilities over {@code splits} splits; split i holds rows [i N / splits,
   * (i + 1) N / splits), as in the reference.
   */
  public static Score fromProbabilities(float[][] probs, int splits) {
    double[][] rows = new double[probs.length][];
    for (int i = 0; i < probs.length; i++) {
      rows[i] = new double[probs[i].length];
      for (int k = 0; k < probs[i].length; k++) {
        rows[i][k] = probs[i][k];
      }
    }
    return score(rows, splits);
  }

  /** The score of class probabilities in double, rows [i N / splits, (i + 1) N / splits) in split i. */
  private static Score score(double[][] probs, int splits) {
    int n = probs.length;
    if (splits < 1 || n < splits) {
      throw new IllegalArgumentException(n + " predictions cannot fill " + splits + " splits");
    }
    int classes = probs[0].length;
    for (double[] row : probs) {
      if (row.length != classes) {
        throw new IllegalArgumentException("prediction rows have different lengths: " + classes + " and " + row.length);
      }
    }
    double[] scores = new double[splits];
    for (int s = 0; s < splits; s++) {
      int from = (int) ((long) s * n / splits);
      int to = (int) ((long) (s + 1) * n / splits);
      // p(y): the marginal over the split.
      double[] marginal = new double[classes];
      for (int i = from; i < to; i++) {
        for (int k = 0; k < classes; k++) {
          marginal[k] += probs[i][k];
        }
      }
      for (int k = 0; k < classes; k++) {
        marginal[k] /= to - from;
      }
      // E_x KL(p(y|x) || p(y)) = mean_x sum_y p(y|x) (log p(y|x) - log p(y)), with 0 log 0 = 0.
      double kl = 0;
      for (int i = from; i < to; i++) {
        for (int k = 0; k < classes; k++) {
          double p = probs[i][k];
          if (p > 0) {
            kl += p * (Math.log(p) - Math.log(marginal[k]));
          }
        }
      }
      scores[s] = Math.exp(kl / (to - from));
    }
    double mean = 0;
    for (double v : scores) {
      mean += v;
    }
    mean /= splits;
    double var = 0;
    for (double v : scores) {
      var += (v - mean) * (v - mean);
    }
    return new Score(mean, Math.sqrt(var / splits), splits, n, classes, scores);
  }

  /** The score of a rank-2 float tensor [N, K] of class probabilities. */
  public static Score fromProbabilities(TFloat32 probs, int splits) {
    return fromProbabilities(toRows(probs), splits);
  }

  /**
   * The score of logits [N, K] over {@code splits} splits, their softmax taken in double
   * ({@link LogSoftmax}) and never rounded to float.
   */
  public static Score fromLogits(float[][] logits, int splits) {
    double[][] probs = LogSoftmax.rows(logits);
    for (double[] row : probs) {
      for (int k = 0; k < row.length; k++) {
        row[k] = Math.exp(row[k]);
      }
    }
    return score(probs, splits);
  }

  /** The score of a rank-2 float tensor [N, K] of logits. */
  public static Score fromLogits(TFloat32 logits, int splits) {
    return fromLogits(toRows(logits), splits);
  }

  private static float[][] toRows(TFloat32 tensor) {
    if (tensor.shape().numDimensions() != 2) {
      throw new IllegalArgumentException("expected predictions of shape [N, K], got " + tensor.shape());
    }
    int n = (int) tensor.shape().get(0);
    int k = (int) tensor.shape().get(1);
    float[] flat = Tensors.toFloats(tensor);
    float[][] rows = new float[n][k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * k, rows[i], 0, k);
    }
    return rows;
  }
}
