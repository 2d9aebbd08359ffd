package org.jgan.eval;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Frechet distance between Gaussians fitted to two feature sets (FID, Heusel et al. 2017, eq. 6;
 * Dowson and Landau 1982): d^2 = ||mu1 - mu2||^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2)). Means and
 * covariances (unbiased, divisor N - 1, as numpy.cov in the reference TTUR code) are taken in
 * double. The trace of the matrix square root is computed as Tr((S1^(1/2) S2 S1^(1/2))^(1/2)),
 * which has the same eigenvalues as (S1 S2)^(1/2) but is symmetric positive semi-definite, so
 * both square roots come from symmetric eigen-decompositions ({@link SymmetricEigen}, which always
 * converges) with eigenvalues below zero (round-off on singular covariances) clipped to 0: the
 * result stays finite for rank-deficient features.
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /**
   * @param distance the squared Frechet distance (what is reported as FID)
   * @param meanTerm ||mu1 - mu2||^2
   * @param traceTerm Tr(S1 + S2 - 2 (S1 S2)^(1/2))
   * @param count1 feature vectors in the first set
   * @param count2 feature vectors in the second set
   * @param dim feature dimension
   */
  public record Result(double distance, double meanTerm, double traceTerm, int count1, int count2, int dim) {}

  /** Mean and covariance of a feature set. */
  public record Moments(double[] mean, double[][] covariance, int count) {}

  /** FID between two feature sets (rows are feature vectors of one dimension). */
  public static Result between(float[][] features1, float[][] features2) {
    Moments m1 = moments(features1);
    Moments m2 = moments(features2);
    if (m1.mean().length != m2.mean().length) {
      throw new IllegalArgumentException("feature dimensions differ: " + m1.mean().length + " and " + m2.mean().length);
    }
    return fromMoments(m1, m2);
  }

  /** FID between two Gaussians given by their moments. */
  public static Result fromMoments(Moments m1, Moments m2) {
    double[] mu1 = m1.mean();
    double[] mu2 = m2.mean();
    int d = mu1.length;
    double meanTerm = 0;
    for (int i = 0; i < d; i++) {
      meanTerm += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
    }
    RealMatrix s1 = new Array2DRowRealMatrix(m1.covariance());
    RealMatrix s2 = new Array2DRowRealMatrix(m2.covariance());
    RealMatrix root1 = SymmetricEigen.of(m1.covariance()).positiveSqrt();
    RealMatrix inner = root1.multiply(s2).multiply(root1);
    double traceSqrt = 0;
    for (double lambda : SymmetricEigen.of(inner.getData()).values()) {
      traceSqrt += Math.sqrt(Math.max(lambda, 0));
    }
    double traceTerm = s1.getTrace() + s2.getTrace() - 2 * traceSqrt;
    return new Result(meanTerm + traceTerm, meanTerm, traceTerm, m1.count(), m2.count(), d);
  }

  /** Mean and unbiased covariance (divisor N - 1) of the rows, in double. */
  public static Moments moments(float[][] features) {
    int n = features.length;
    if (n < 2) {
      throw new IllegalArgumentException("a covariance needs at least 2 feature vectors, got " + n);
    }
    int d = features[0].length;
    double[] mean = new double[d];
    for (float[] row : features) {
      if (row.length != d) {
        throw new IllegalArgumentException("feature rows have different lengths: " + d + " and " + row.length);
      }
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (float[] row : features) {
      for (int j = 0; j < d; j++) {
        centred[j] = row[j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ca = centred[a];
        double[] covRow = cov[a];
        for (int b = a; b < d; b++) {
          covRow[b] += ca * centred[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= n - 1;
        cov[b][a] = cov[a][b];
      }
    }
    return new Moments(mean, cov, n);
  }
}
