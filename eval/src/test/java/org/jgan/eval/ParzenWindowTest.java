package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParzenWindowTest {
  private static final ParzenWindow SMALL = new ParzenWindow(4, 3, 1);

  @Test
  void oneSampleOnePointMatchesClosedForm() {
    float[] sample = {0.2f, 0.5f, 0.9f};
    float[] point = {0.3f, 0.1f, 0.7f};
    double sigma = 0.5;
    // ||x - s||^2 = 0.01 + 0.16 + 0.04 = 0.21; log p = -0.21 / (2 * 0.25) - 3 log(0.5 sqrt(2 pi)).
    double expected = -0.21 / 0.5 - 3 * Math.log(0.5 * Math.sqrt(2 * Math.PI));
    double[][] ll = SMALL.logLikelihoods(sample, point, 3, sigma);
    assertEquals(expected, ll[0][0], 1e-5);
  }

  @Test
  void matchesBruteForceDoubleComputation() {
    Random random = new Random(1);
    int dim = 5;
    float[] samples = randomPoints(random, 11, dim);
    float[] points = randomPoints(random, 7, dim);
    double[] sigmas = ParzenWindow.defaultSigmas();
    double[][] ll = SMALL.logLikelihoods(samples, points, dim, sigmas);
    for (int k = 0; k < sigmas.length; k++) {
      for (int j = 0; j < 7; j++) {
        double expected = bruteForce(samples, points, j, dim, sigmas[k]);
        assertEquals(expected, ll[k][j], 1e-4 * Math.max(1, Math.abs(expected)), "sigma " + sigmas[k] + " point " + j);
      }
    }
  }

  @Test
  void sigmaSelectionPicksTheKnownMaximiser() {
    // One sample at the origin, one validation point at distance r in d dimensions:
    // log p(sigma) = -r^2 / (2 sigma^2) - d log sigma - const, maximised at sigma = r / sqrt(d).
    double[] grid = ParzenWindow.defaultSigmas();
    double best = grid[4];
    int dim = 4;
    float[] sample = new float[dim];
    float[] validation = {(float) (best * Math.sqrt(dim)), 0, 0, 0};
    float[] test = {0.1f, 0.2f, 0.3f, 0.4f, 0f, 0f, 0f, 0f};
    ParzenWindow.Estimate estimate = SMALL.evaluate(sample, validation, test, dim);
    assertEquals(best, estimate.sigma(), 0);
    double norm = dim * Math.log(best * Math.sqrt(2 * Math.PI));
    double ll0 = -0.30 / (2 * best * best) - norm;
    double ll1 = -norm;
    assertEquals((ll0 + ll1) / 2, estimate.mean(), 1e-4);
    // Population std of two values is half their distance; standard error divides by sqrt(2).
    assertEquals(Math.abs(ll0 - ll1) / 2 / Math.sqrt(2), estimate.stdError(), 1e-4);
    assertEquals(1, estimate.samples());
    assertEquals(1, estimate.validationPoints());
    assertEquals(2, estimate.testPoints());
  }

  @Test
  void sigmaSelectionAgreesWithBruteForceOnRandomData() {
    Random random = new Random(2);
    int dim = 6;
    float[] samples = randomPoints(random, 20, dim);
    float[] validation = randomPoints(random, 9, dim);
    float[] test = randomPoints(random, 5, dim);
    double[] grid = ParzenWindow.defaultSigmas();
    // Only the first 6 validation points may be used.
    ParzenWindow.Estimate estimate = SMALL.evaluate(samples, validation, test, dim, grid, 6);
    int bestK = 0;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < grid.length; k++) {
      double sum = 0;
      for (int j = 0; j < 6; j++) {
        sum += bruteForce(samples, validation, j, dim, grid[k]);
      }
      assertEquals(sum / 6, estimate.validationMeans()[k], 1e-4 * Math.max(1, Math.abs(sum / 6)));
      if (sum / 6 > bestMean) {
        bestMean = sum / 6;
        bestK = k;
      }
    }
    assertEquals(grid[bestK], estimate.sigma(), 0);
    assertEquals(6, estimate.validationPoints());
  }

  @Test
  void chunkSizesGiveEqualResults() {
    Random random = new Random(3);
    int dim = 8;
    float[] samples = randomPoints(random, 10, dim);
    float[] points = randomPoints(random, 6, dim);
    double[] sigmas = {0.1, 0.3, 1.0};
    double[][] reference = new ParzenWindow(10, 6, 1).logLikelihoods(samples, points, dim, sigmas);
    for (int chunk : new int[] {1, 3, 10}) {
      for (int batch : new int[] {1, 4}) {
        double[][] ll = new ParzenWindow(chunk, batch, 1).logLikelihoods(samples, points, dim, sigmas);
        for (int k = 0; k < sigmas.length; k++) {
          assertArrayEquals(reference[k], ll[k], 1e-4 * Math.abs(reference[k][0]), "chunk " + chunk + " batch " + batch);
        }
      }
    }
  }

  @Test
  void defaultGridIsLogSpacedFromPointOneToOne() {
    double[] grid = ParzenWindow.defaultSigmas();
    assertEquals(10, grid.length);
    assertEquals(0.1, grid[0], 1e-15);
    assertEquals(1.0, grid[9], 1e-15);
    for (int i = 1; i < 10; i++) {
      assertEquals(Math.pow(10, 1.0 / 9), grid[i] / grid[i - 1], 1e-12);
    }
  }

  private static float[] randomPoints(Random random, int n, int dim) {
    float[] out = new float[n * dim];
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextFloat();
    }
    return out;
  }

  /** Direct double-precision evaluation: differences, not the dot-product expansion. */
  private static double bruteForce(float[] samples, float[] points, int j, int dim, double sigma) {
    int n = samples.length / dim;
    double[] e = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double d2 = 0;
      for (int c = 0; c < dim; c++) {
        double diff = (double) points[j * dim + c] - samples[i * dim + c];
        d2 += diff * diff;
      }
      e[i] = -d2 / (2 * sigma * sigma);
      max = Math.max(max, e[i]);
    }
    double sum = 0;
    for (double v : e) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum / n) - dim * Math.log(sigma * Math.sqrt(2 * Math.PI));
  }
}
