package org.jgan.eval;

import java.util.List;
import org.jgan.data.ToyDistribution;

/**
 * Mode-coverage metrics for 2-D mixtures (VEEGAN, Srivastava et al. 2017; PacGAN, Lin et al.
 * 2018). Each sample is assigned to its nearest mode; it is high quality when within
 * {@code 3 std} of it. A mode is covered when it holds at least 20% of the high-quality samples a
 * uniform spread would give it (PacGAN's 20 of 100 expected), so a few strays do not count.
 */
public final class ToyMetrics {
  /** Share of a mode's expected sample count it needs to count as covered. */
  public static final double COVERAGE_SHARE = 0.2;

  private final List<double[]> modes;
  private final double radius;

  /** Metrics for mixtures centred on {@code modes}, each of standard deviation {@code std}. */
  public ToyMetrics(List<double[]> modes, double std) {
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("toy metrics need at least one mode");
    }
    this.modes = modes;
    this.radius = 3 * std;
  }

  /** Metrics for one of the toy distributions with modes (not the swiss roll). */
  public static ToyMetrics of(ToyDistribution distribution) {
    return new ToyMetrics(distribution.modes(), distribution.modeStd());
  }

  /**
   * @param modesCovered modes holding at least {@link #COVERAGE_SHARE} of their expected count
   * @param modes number of modes
   * @param highQualityShare share of samples within 3 std of their nearest mode
   * @param modeKl KL(histogram of high-quality samples over modes || uniform), in nats; 0 when
   *     perfectly balanced, log(modes) when all sit in one mode; NaN when there are none
   */
  public record Scores(int modesCovered, int modes, double highQualityShare, double modeKl) {}

  /** Scores {@code points} (row-major x0, y0, x1, y1, ...). */
  public Scores score(float[] points) {
    int n = points.length / 2;
    if (n == 0) {
      throw new IllegalArgumentException("no samples to score");
    }
    int[] counts = new int[modes.size()];
    int highQuality = 0;
    for (int i = 0; i < n; i++) {
      double x = points[2 * i];
      double y = points[2 * i + 1];
      int nearest = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int m = 0; m < modes.size(); m++) {
        double dx = x - modes.get(m)[0];
        double dy = y - modes.get(m)[1];
        double d = dx * dx + dy * dy;
        if (d < best) {
          best = d;
          nearest = m;
        }
      }
      if (Math.sqrt(best) <= radius) {
        counts[nearest]++;
        highQuality++;
      }
    }
    double needed = COVERAGE_SHARE * n / modes.size();
    int covered = 0;
    double kl = 0;
    for (int count : counts) {
      if (count >= needed) {
        covered++;
      }
      if (count > 0) {
        double p = (double) count / highQuality;
        kl += p * Math.log(p * modes.size());
      }
    }
    return new Scores(covered, modes.size(), (double) highQuality / n, highQuality == 0 ? Double.NaN : kl);
  }
}
