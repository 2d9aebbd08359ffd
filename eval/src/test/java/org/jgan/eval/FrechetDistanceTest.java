package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
  @Test
  void identicalSetsGiveZero() {
    float[][] f = gaussian(new Random(1), 300, new double[] {1, -2, 0, 3, 0.5, 0}, new double[] {1, 2, 0.5, 1, 3, 0.1});
    FrechetDistance.Result r = FrechetDistance.between(f, f);
    assertEquals(0, r.distance(), 1e-9);
    assertEquals(300, r.count1());
    assertEquals(6, r.dim());
  }

  @Test
  void diagonalGaussiansMatchClosedForm() {
    double[] mu1 = {1, 0, -1};
    double[] mu2 = {0, 0, 1};
    double[] s1 = {1, 4, 0.25};
    double[] s2 = {4, 1, 1};
    // ||mu1 - mu2||^2 = 1 + 0 + 4; trace term = sum(s1 + s2 - 2 sqrt(s1 s2)) = 1 + 1 + 0.25.
    double expected = 5 + 2.25;
    FrechetDistance.Result r = FrechetDistance.fromMoments(moments(mu1, diag(s1)), moments(mu2, diag(s2)));
    assertEquals(expected, r.distance(), 1e-10);
    assertEquals(5, r.meanTerm(), 1e-12);
    assertEquals(2.25, r.traceTerm(), 1e-10);

    // Rotating both Gaussians by the same orthogonal matrix leaves the distance unchanged, and
    // gives full (commuting) covariance matrices.
    double[][] q = rotation(0.7, 0.3);
    FrechetDistance.Result rotated = FrechetDistance.fromMoments(
        moments(apply(q, mu1), conjugate(q, diag(s1))), moments(apply(q, mu2), conjugate(q, diag(s2))));
    assertEquals(expected, rotated.distance(), 1e-9);
  }

  @Test
  void nonCommutingTwoByTwoMatchesClosedForm() {
    // For a 2x2 matrix with non-negative eigenvalues, tr sqrt(M) = sqrt(tr M + 2 sqrt(det M)).
    double[][] a = {{2, 0.5}, {0.5, 1}};
    double[][] b = {{1, -0.3}, {-0.3, 3}};
    double trAb = a[0][0] * b[0][0] + a[0][1] * b[1][0] + a[1][0] * b[0][1] + a[1][1] * b[1][1];
    double detAb = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) * (b[0][0] * b[1][1] - b[0][1] * b[1][0]);
    double expected = (a[0][0] + a[1][1]) + (b[0][0] + b[1][1]) - 2 * Math.sqrt(trAb + 2 * Math.sqrt(detAb));
    double[] zero = {0, 0};
    assertEquals(expected, FrechetDistance.fromMoments(moments(zero, a), moments(zero, b)).distance(), 1e-10);
  }

  @Test
  void sampledGaussiansApproachClosedForm() {
    Random random = new Random(2);
    float[][] f1 = gaussian(random, 20_000, new double[] {1, 0, -1}, new double[] {1, 2, 0.5});
    float[][] f2 = gaussian(random, 20_000, new double[] {0, 0, 1}, new double[] {2, 1, 1});
    // Std deviations squared: s1 = (1, 4, 0.25), s2 = (4, 1, 1), as in the exact test: 7.25.
    assertEquals(7.25, FrechetDistance.between(f1, f2).distance(), 0.15);
  }

  @Test
  void rankDeficientFeaturesGiveFiniteDistance() {
    Random random = new Random(3);
    float[][] f1 = degenerate(random, 200, 1.0);
    float[][] f2 = degenerate(random, 200, 2.0);
    double d = FrechetDistance.between(f1, f2).distance();
    assertTrue(Double.isFinite(d) && d > 0, "distance " + d);
    assertEquals(0, FrechetDistance.between(f1, f1).distance(), 1e-8);
  }

  @Test
  void rankOneCovariancesMatchClosedForm() {
    // x = t v and y = u v for scalars t, u: S1 = var(t) v v^T and S2 = var(u) v v^T, so
    // Tr (S1 S2)^(1/2) = sqrt(var(t) var(u)) ||v||^2 and d^2 = (mean(t) - mean(u))^2 ||v||^2
    // + ||v||^2 (sqrt(var t) - sqrt(var u))^2.
    Random random = new Random(4);
    float[] v = {1, -2, 0.5f, 0, 3};
    double vv = 1 + 4 + 0.25 + 0 + 9;
    double[] t = new double[100];
    double[] u = new double[120];
    float[][] x = new float[t.length][v.length];
    float[][] y = new float[u.length][v.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) (0.5 + random.nextGaussian());
      for (int k = 0; k < v.length; k++) {
        x[i][k] = (float) t[i] * v[k];
      }
    }
    for (int i = 0; i < u.length; i++) {
      u[i] = (float) (2 * random.nextGaussian());
      for (int k = 0; k < v.length; k++) {
        y[i][k] = (float) u[i] * v[k];
      }
    }
    double mt = mean(t);
    double mu = mean(u);
    double expected = (mt - mu) * (mt - mu) * vv + vv * Math.pow(Math.sqrt(var(t, mt)) - Math.sqrt(var(u, mu)), 2);
    assertEquals(expected, FrechetDistance.between(x, y).distance(), 1e-4 * expected);
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  private static double var(double[] a, double mean) {
    double s = 0;
    for (double v : a) {
      s += (v - mean) * (v - mean);
    }
    return s / (a.length - 1);
  }

  /** Columns: two free, their sum, a constant and a zero column: rank 2 of 5. */
  private static float[][] degenerate(Random random, int n, double scale) {
    float[][] out = new float[n][5];
    for (int i = 0; i < n; i++) {
      float a = (float) (scale * random.nextGaussian());
      float b = (float) random.nextGaussian();
      out[i] = new float[] {a, b, a + b, 2, 0};
    }
    return out;
  }

  private static float[][] gaussian(Random random, int n, double[] mean, double[] std) {
    float[][] out = new float[n][mean.length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < mean.length; k++) {
        out[i][k] = (float) (mean[k] + std[k] * random.nextGaussian());
      }
    }
    return out;
  }

  private static FrechetDistance.Moments moments(double[] mean, double[][] cov) {
    return new FrechetDistance.Moments(mean, cov, 0);
  }

  private static double[][] diag(double[] values) {
    double[][] out = new double[values.length][values.length];
    for (int i = 0; i < values.length; i++) {
      out[i][i] = values[i];
    }
    return out;
  }

  /** A rotation of R^3: about z by angle a, then about x by angle b. */
  private static double[][] rotation(double a, double b) {
    double[][] rz = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
    double[][] rx = {{1, 0, 0}, {0, Math.cos(b), -Math.sin(b)}, {0, Math.sin(b), Math.cos(b)}};
    return multiply(rx, rz);
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          out[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return out;
  }

  private static double[][] transpose(double[][] a) {
    int n = a.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[j][i] = a[i][j];
      }
    }
    return out;
  }

  /** Q S Q^T. */
  private static double[][] conjugate(double[][] q, double[][] s) {
    return multiply(multiply(q, s), transpose(q));
  }

  private static double[] apply(double[][] q, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      for (int k = 0; k < v.length; k++) {
        out[i] += q[i][k] * v[k];
      }
    }
    return out;
  }
}
