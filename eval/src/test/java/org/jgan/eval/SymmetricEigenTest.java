package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
  /**
   * 57 rows and columns of the 128 x 128 generator-feature covariance on which the WGAN-vs-GAN run's
   * FID probe died (WGAN, MLP generator, step 2,500; 59 dead features and others active on a
   * single sample, entries down to 1e-33): removing any one more index makes commons-math converge.
   */
  private static final String NOT_CONVERGING = "ql-not-converging-57.txt";

  @Test
  void twoByTwoMatchesClosedForm() {
    // Eigenvalues of [[a, b], [b, c]]: (a + c) / 2 +- sqrt(((a - c) / 2)^2 + b^2).
    double a = 3;
    double b = -1.5;
    double c = 0.5;
    double mid = (a + c) / 2;
    double radius = Math.sqrt((a - c) * (a - c) / 4 + b * b);
    assertArrayEquals(new double[] {mid - radius, mid + radius},
        sorted(SymmetricEigen.jacobi(new double[][] {{a, b}, {b, c}}).values()), 1e-14);
  }

  @Test
  void jacobiRecoversAKnownSpectrum() {
    // Q diag(lambda) Q^T with Q a product of random Householder reflections: zero, repeated, tiny
    // and large eigenvalues, the shapes covariance spectra have.
    double[] lambda = {0, 0, 0, 1e-30, 3e-12, 1e-6, 0.25, 0.25, 0.25, 1, 7.5, 42, 1e4};
    double[][] m = conjugate(randomOrthogonal(new Random(3), lambda.length), lambda);
    SymmetricEigen eigen = SymmetricEigen.jacobi(m);
    double[] found = sorted(eigen.values());
    // Round-off in building M is about 1e-16 of its norm (1e4), which bounds what any solver recovers.
    for (int i = 0; i < lambda.length; i++) {
      assertEquals(lambda[i], found[i], 1e-14 * 1e4, "eigenvalue " + i);
    }
    assertDecomposes(m, eigen, 1e-14);
  }

  @Test
  void commonsMathFailsOnTheCapturedCovarianceWhereJacobiConverges() throws IOException {
    double[][] m = resource(NOT_CONVERGING);
    // The defect this guards: the QL iteration gives up on this matrix.
    assertThrows(MaxCountExceededException.class, () -> new EigenDecomposition(new Array2DRowRealMatrix(m)));

    SymmetricEigen eigen = SymmetricEigen.of(m);
    double[] values = eigen.values();
    // Invariants that need no second solver: the eigenvalues sum to the trace, their squares to the
    // squared Frobenius norm, and none is below zero beyond round-off (a covariance is PSD).
    double trace = 0;
    double frobenius = 0;
    for (int i = 0; i < m.length; i++) {
      trace += m[i][i];
      for (double x : m[i]) {
        frobenius += x * x;
      }
    }
    assertEquals(trace, Arrays.stream(values).sum(), 1e-14 * trace);
    assertEquals(frobenius, Arrays.stream(values).map(v -> v * v).sum(), 1e-12 * frobenius);
    assertTrue(Arrays.stream(values).min().orElseThrow() > -1e-15, Arrays.toString(sorted(values)));
    assertDecomposes(m, eigen, 1e-14);
  }

  @Test
  void frechetDistanceOfTheCapturedCovarianceToItselfIsZero() throws IOException {
    double[][] s = resource(NOT_CONVERGING);
    double[] mean = new double[s.length];
    // Tr(S + S - 2 (S S)^(1/2)) = 0: before the fallback this threw instead.
    FrechetDistance.Result r = FrechetDistance.fromMoments(
        new FrechetDistance.Moments(mean, s, 1000), new FrechetDistance.Moments(mean, s, 1000));
    assertEquals(0, r.distance(), 1e-12);
  }

  @Test
  void positiveSqrtSquaresBackAndClipsRoundOff() {
    double[] lambda = {-1e-17, 0, 0.04, 1, 9};
    double[][] m = conjugate(randomOrthogonal(new Random(4), lambda.length), lambda);
    RealMatrix root = SymmetricEigen.jacobi(m).positiveSqrt();
    double[] clipped = {0, 0, 0.04, 1, 9};
    double[][] expected = conjugate(randomOrthogonal(new Random(4), lambda.length), clipped);
    double[][] squared = root.multiply(root).getData();
    for (int i = 0; i < lambda.length; i++) {
      assertArrayEquals(expected[i], squared[i], 1e-12, "row " + i);
    }
    // Its trace is the sum of the clipped roots, 0.2 + 1 + 3, but for the roots of the two zero
    // eigenvalues, which the rotation leaves as round-off (about 1e-16, root 1e-8).
    assertEquals(4.2, root.getTrace(), 1e-7);
    // Unrotated, the eigenvalues are exact: -1e-17 is clipped to a zero root, not a NaN.
    RealMatrix exactRoot = SymmetricEigen.jacobi(new double[][] {{-1e-17, 0}, {0, 0.04}}).positiveSqrt();
    assertArrayEquals(new double[] {0, 0, 0, 0.2}, flat(exactRoot.getData()), 1e-17);
  }

  @Test
  void refusesNonFiniteAndNonSquareInput() {
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> SymmetricEigen.jacobi(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}));
    assertEquals("matrix entry (0, 1) is NaN", nan.getMessage());
    IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
        () -> SymmetricEigen.jacobi(new double[][] {{1, 2}, {3}}));
    assertEquals("not a square matrix: row 1 has 1 entries, not 2", ragged.getMessage());
  }

  /** V orthonormal and M V = V diag(lambda), each entry within {@code tolerance} times M's largest. */
  private static void assertDecomposes(double[][] m, SymmetricEigen eigen, double tolerance) {
    int d = m.length;
    double[][] v = eigen.vectors();
    double[] lambda = eigen.values();
    double scale = Arrays.stream(m).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElseThrow();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double dot = 0;
        double mv = 0;
        for (int k = 0; k < d; k++) {
          dot += v[k][i] * v[k][j];
          mv += m[i][k] * v[k][j];
        }
        assertEquals(i == j ? 1 : 0, dot, 1e-12, "V^T V at " + i + ", " + j);
        assertEquals(v[i][j] * lambda[j], mv, tolerance * Math.max(scale, 1e-300), "M V - V Lambda at " + i + ", " + j);
      }
    }
  }

  private static double[] flat(double[][] m) {
    return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** Q diag(lambda) Q^T. */
  private static double[][] conjugate(double[][] q, double[] lambda) {
    int d = lambda.length;
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          out[i][j] += q[i][k] * lambda[k] * q[j][k];
        }
      }
    }
    return out;
  }

  /** A product of d Householder reflections I - 2 u u^T with random unit u. */
  private static double[][] randomOrthogonal(Random random, int d) {
    double[][] q = new double[d][d];
    for (int i = 0; i < d; i++) {
      q[i][i] = 1;
    }
    for (int r = 0; r < d; r++) {
      double[] u = new double[d];
      double norm = 0;
      for (int i = 0; i < d; i++) {
        u[i] = random.nextGaussian();
        norm += u[i] * u[i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < d; i++) {
        u[i] /= norm;
      }
      double[][] next = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double qu = 0;
          for (int k = 0; k < d; k++) {
            qu += q[i][k] * u[k];
          }
          next[i][j] = q[i][j] - 2 * qu * u[j];
        }
      }
      q = next;
    }
    return q;
  }

  private static double[][] resource(String name) throws IOException {
    try (InputStream in = SymmetricEigenTest.class.getResourceAsStream(name)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
      double[][] m = new double[lines.length][];
      for (int i = 0; i < lines.length; i++) {
        m[i] = Arrays.stream(lines[i].split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
      }
      return m;
    }
  }
}
