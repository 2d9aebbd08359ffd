package org.jgan.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation: the Pearson correlation of the two series' ranks, tied values
 * sharing the mean of the ranks they span. It asks whether one quantity goes up when the other
 * does, whatever the shape of the relation, which is the WGAN paper's claim about its critic's
 * Wasserstein estimate and sample quality over training.
 */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Spearman's rho of the pairs {@code (x[i], y[i])}: in [-1, 1], or NaN when either series is
   * constant (no ranking to correlate).
   *
   * @throws IllegalArgumentException when the lengths differ, fewer than 2 pairs are given, or a
   *     value is not finite
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("Spearman correlation needs paired series, got " + x.length + " and " + y.length + " values");
    }
    if (x.length < 2) {
      throw new IllegalArgumentException("Spearman correlation needs at least 2 pairs, got " + x.length);
    }
    return pearson(ranks(x), ranks(y));
  }

  /** The 1-based rank of each value, ties given the mean of the ranks they span. */
  public static double[] ranks(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("cannot rank a value that is not finite: " + v);
      }
    }
    Integer[] order = new Integer[values.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      // Positions start..end (0-based) hold ranks start+1..end+1; their mean goes to each.
      double shared = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = shared;
      }
      start = end + 1;
    }
    return ranks;
  }

  private static double pearson(double[] a, double[] b) {
    double meanA = Arrays.stream(a).average().orElseThrow();
    double meanB = Arrays.stream(b).average().orElseThrow();
    double cross = 0;
    double ssA = 0;
    double ssB = 0;
    for (int i = 0; i < a.length; i++) {
      cross += (a[i] - meanA) * (b[i] - meanB);
      ssA += (a[i] - meanA) * (a[i] - meanA);
      ssB += (b[i] - meanB) * (b[i] - meanB);
    }
    return ssA == 0 || ssB == 0 ? Double.NaN : cross / Math.sqrt(ssA * ssB);
  }
}
