package org.jgan.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Kernel inception distance (KID, Binkowski et al. 2018, "Demystifying MMD GANs", section 4):
 * the unbiased estimate of the squared MMD (Gretton et al. 2012, eq. 3) with the cubic
 * polynomial kernel k(x, y) = (x.y / d + 1)^3, computed on random subsets drawn without
 * replacement from each feature set and reported as mean and std over subsets (the protocol of
 * the reference compute_scores.py of mbinkowski/MMD-GAN). All arithmetic is in double.
 */
public final class KernelInceptionDistance {
  /** Subsets drawn. */
  public static final int DEFAULT_SUBSETS = 100;
  /** Feature vectors per subset (capped by the smaller set). */
  public static final int DEFAULT_SUBSET_SIZE = 1000;

  private KernelInceptionDistance() {}

  /**
   * @param mean mean unbiased MMD^2 over subsets
   * @param std population std over subsets
   * @param subsets subsets drawn
   * @param subsetSize feature vectors per subset, from each set
   * @param seed seed of the subset draws
   * @param count1 feature vectors in the first set
   * @param count2 feature vectors in the second set
   * @param dim feature dimension
   * @param values the estimate of every subset, in order
   */
  public record Result(
      double mean, double std, int subsets, int subsetSize, long seed, int count1, int count2, int dim, double[] values) {}

  /** KID with the default protocol: 100 subsets of min(1000, N1, N2). */
  public static Result between(float[][] features1, float[][] features2, long seed) {
    return between(features1, features2, DEFAULT_SUBSETS, DEFAULT_SUBSET_SIZE, seed);
  }

  /**
   * KID over {@code subsets} subsets of min({@code subsetSize}, N1, N2) feature vectors from each
   * set, each drawn without replacement with a generator seeded by {@code seed}.
   */
  public static Result between(float[][] features1, float[][] features2, int subsets, int subsetSize, long seed) {
    if (subsets < 1 || subsetSize < 2) {
      throw new IllegalArgumentException("need at least 1 subset of at least 2, got " + subsets + " of " + subsetSize);
    }
    int n1 = features1.length;
    int n2 = features2.length;
    int m = Math.min(subsetSize, Math.min(n1, n2));
    if (m < 2) {
      throw new IllegalArgumentException("the unbiased estimate needs at least 2 feature vectors per set");
    }
    int dim = features1[0].length;
    double[][] x = toDouble(features1, dim);
    double[][] y = toDouble(features2, dim);
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[subsets];
    double[][] xs = new double[m][];
    double[][] ys = new double[m][];
    for (int s = 0; s < subsets; s++) {
      int[] ix = choose(random, n1, m);
      int[] iy = choose(random, n2, m);
      for (int i = 0; i < m; i++) {
        xs[i] = x[ix[i]];
        ys[i] = y[iy[i]];
      }
      values[s] = unbiasedMmd2(xs, ys);
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= subsets;
    double var = 0;
    for (double v : values) {
      var += (v - mean) * (v - mean);
    }
    return new Result(mean, Math.sqrt(var / subsets), subsets, m, seed, n1, n2, dim, values);
  }

  /**
   * Unbiased MMD^2 between samples x (m rows) and y (n rows) under the cubic kernel:
   * sum_{i != j} k(x_i, x_j) / (m (m - 1)) + sum_{i != j} k(y_i, y_j) / (n (n - 1))
   * - 2 sum_{i, j} k(x_i, y_j) / (m n).
   */
  public static double unbiasedMmd2(double[][] x, double[][] y) {
    int m = x.length;
    int n = y.length;
    int d = x[0].length;
    double kxx = 0;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        kxx += kernel(x[i], x[j], d);
      }
    }
    double kyy = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        kyy += kernel(y[i], y[j], d);
      }
    }
    double kxy = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        kxy += kernel(x[i], y[j], d);
      }
    }
    // Off-diagonal sums counted once above, so doubled here.
    return 2 * kxx / ((double) m * (m - 1)) + 2 * kyy / ((double) n * (n - 1)) - 2 * kxy / ((double) m * n);
  }

  /** k(a, b) = (a.b / d + 1)^3. */
  static double kernel(double[] a, double[] b, int d) {
    double dot = 0;
    for (int k = 0; k < d; k++) {
      dot += a[k] * b[k];
    }
    double t = dot / d + 1;
    return t * t * t;
  }

  /** {@code m} distinct indices in [0, n), by a partial Fisher-Yates shuffle. */
  private static int[] choose(SplittableRandom random, int n, int m) {
    int[] pool = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
    }
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    return Arrays.copyOf(pool, m);
  }

  private static double[][] toDouble(float[][] rows, int dim) {
    double[][] out = new double[rows.length][dim];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != dim) {
        throw new IllegalArgumentException("feature rows have different lengths: " + dim + " and " + rows[i].length);
      }
      for (int k = 0; k < dim; k++) {
        out[i][k] = rows[i][k];
      }
    }
    return out;
  }
}
