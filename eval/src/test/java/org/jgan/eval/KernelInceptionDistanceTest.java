package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelInceptionDistanceTest {
  @Test
  void tinyCaseComputedByHand() {
    // d = 1, x = {0, 1}, y = {1, 2}, k(a, b) = (ab + 1)^3:
    // off-diagonal xx: k(0, 1) = 1; yy: k(1, 2) = 27; xy: k(0,1) + k(0,2) + k(1,1) + k(1,2) = 1 + 1 + 8 + 27 = 37.
    // MMD^2 = 2*1/(2*1) + 2*27/(2*1) - 2*37/(2*2) = 1 + 27 - 18.5 = 9.5.
    float[][] x = {{0}, {1}};
    float[][] y = {{1}, {2}};
    KernelInceptionDistance.Result r = KernelInceptionDistance.between(x, y, 3, 2, 7);
    assertEquals(9.5, r.mean(), 1e-12);
    assertEquals(0, r.std(), 1e-12);
    assertEquals(2, r.subsetSize());

    // d = 2 with the same dot products doubled, so dot / d gives the same kernel values.
    float[][] x2 = {{0, 0}, {1, 1}};
    float[][] y2 = {{1, 1}, {2, 2}};
    assertEquals(9.5, KernelInceptionDistance.between(x2, y2, 1, 2, 7).mean(), 1e-12);
  }

  @Test
  void unbiasedEstimatorSkipsTheDiagonal() {
    // x = y = {0, 1} (d = 1): a biased estimate would give exactly 0; the unbiased one leaves out
    // k(0,0) = 1 and k(1,1) = 8 from the within-set sums but not from the cross sum:
    // k(0,1) + k(0,1) - 2 (k(0,0) + k(1,1) + 2 k(0,1)) / 4 = 2 - (1 + 8 + 2) / 2 = -3.5.
    double[][] x = {{0}, {1}};
    assertEquals(-3.5, KernelInceptionDistance.unbiasedMmd2(x, x), 1e-12);
  }

  @Test
  void twoSamplesOfOneDistributionScoreNearZero() {
    Random random = new Random(5);
    float[][] a = gaussian(random, 2000, 8, 0);
    float[][] b = gaussian(random, 2000, 8, 0);
    float[][] shifted = gaussian(random, 2000, 8, 0.5);
    KernelInceptionDistance.Result same = KernelInceptionDistance.between(a, b, 10, 400, 11);
    KernelInceptionDistance.Result far = KernelInceptionDistance.between(a, shifted, 10, 400, 11);
    assertTrue(Math.abs(same.mean()) < 0.01, "same distribution: " + same.mean());
    assertTrue(far.mean() > 20 * Math.abs(same.mean()) && far.mean() > 0.1, "shifted: " + far.mean() + " vs " + same.mean());
    assertEquals(10, same.subsets());
    assertEquals(400, same.subsetSize());
    assertEquals(11, same.seed());
    assertEquals(8, same.dim());
  }

  @Test
  void sameSeedSameSubsets() {
    Random random = new Random(6);
    float[][] a = gaussian(random, 50, 3, 0);
    float[][] b = gaussian(random, 60, 3, 0.2);
    assertArrayEquals(
        KernelInceptionDistance.between(a, b, 5, 20, 3).values(),
        KernelInceptionDistance.between(a, b, 5, 20, 3).values(), 0);
  }

  private static float[][] gaussian(Random random, int n, int d, double shift) {
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        out[i][k] = (float) (shift + random.nextGaussian());
      }
    }
    return out;
  }
}
