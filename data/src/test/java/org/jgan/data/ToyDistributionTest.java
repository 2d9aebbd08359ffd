package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ToyDistributionTest {
  private static final Comparator<double[]> BY_XY =
      Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]);

  private static void assertSamePoints(List<double[]> expected, List<double[]> actual) {
    assertEquals(expected.size(), actual.size());
    List<double[]> e = new ArrayList<>(expected);
    List<double[]> a = new ArrayList<>(actual);
    e.sort(BY_XY);
    a.sort(BY_XY);
    for (int i = 0; i < e.size(); i++) {
      assertArrayEquals(e.get(i), a.get(i), 1e-12, "point " + i + " " + Arrays.toString(a.get(i)));
    }
  }

  @Test
  void eightGaussianModesAreOnCircleOfRadiusTwoOver1414() {
    double r = 2 / 1.414;
    double d = 2 * Math.sqrt(0.5) / 1.414; // 2 * cos(45 deg) / 1.414
    List<double[]> expected = List.of(
        new double[] {r, 0}, new double[] {-r, 0}, new double[] {0, r}, new double[] {0, -r},
        new double[] {d, d}, new double[] {d, -d}, new double[] {-d, d}, new double[] {-d, -d});
    assertSamePoints(expected, ToyDistribution.EIGHT_GAUSSIANS.modes());
    assertEquals(0.02 / 1.414, ToyDistribution.EIGHT_GAUSSIANS.modeStd(), 1e-15);
  }

  @Test
  void twentyFiveGaussianModesAreGridOver2828() {
    List<double[]> expected = new ArrayList<>();
    for (int x = -4; x <= 4; x += 2) {
      for (int y = -4; y <= 4; y += 2) {
        expected.add(new double[] {x / 2.828, y / 2.828});
      }
    }
    assertSamePoints(expected, ToyDistribution.TWENTY_FIVE_GAUSSIANS.modes());
    assertEquals(0.05 / 2.828, ToyDistribution.TWENTY_FIVE_GAUSSIANS.modeStd(), 1e-15);
    assertTrue(ToyDistribution.SWISS_ROLL.modes().isEmpty());
  }

  @Test
  void idsRoundTrip() {
    assertSame(ToyDistribution.EIGHT_GAUSSIANS, ToyDistribution.byId("toy8"));
    assertSame(ToyDistribution.TWENTY_FIVE_GAUSSIANS, ToyDistribution.byId("toy25"));
    assertSame(ToyDistribution.SWISS_ROLL, ToyDistribution.byId("swissroll"));
    assertThrows(IllegalArgumentException.class, () -> ToyDistribution.byId("toy9"));
  }

  /**
   * For an isotropic 2-D Gaussian with per-axis std s, the distance to its centre is Rayleigh
   * distributed with mean s * sqrt(pi / 2); modes are far apart compared with s, so the nearest
   * mode is the one sampled.
   */
  private static void checkMixture(ToyDistribution d) {
    List<double[]> modes = d.modes();
    double s = d.modeStd();
    int n = 20_000;
    float[] points = d.sample(new SplittableRandom(1234), n);
    assertEquals(2 * n, points.length);
    int[] hits = new int[modes.size()];
    double sumDistance = 0;
    double maxDistance = 0;
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      int bestMode = -1;
      for (int m = 0; m < modes.size(); m++) {
        double dist = Math.hypot(points[2 * i] - modes.get(m)[0], points[2 * i + 1] - modes.get(m)[1]);
        if (dist < best) {
          best = dist;
          bestMode = m;
        }
      }
      hits[bestMode]++;
      sumDistance += best;
      maxDistance = Math.max(maxDistance, best);
    }
    double mean = sumDistance / n;
    double expected = s * Math.sqrt(Math.PI / 2);
    assertEquals(expected, mean, 0.1 * expected, d + ": mean distance to nearest mode");
    // Rayleigh: P(dist > 6 s) = exp(-18), never in 20,000 draws.
    assertTrue(maxDistance < 6 * s, d + ": a point " + maxDistance + " from every mode");
    double share = (double) n / modes.size();
    for (int m = 0; m < modes.size(); m++) {
      assertEquals(share, hits[m], 0.2 * share, d + ": mode " + m + " hit " + hits[m] + " times");
    }
  }

  @Test
  void eightGaussianSamplesClusterAtModesWithTheModeStd() {
    checkMixture(ToyDistribution.EIGHT_GAUSSIANS);
  }

  @Test
  void twentyFiveGaussianSamplesClusterAtModesWithTheModeStd() {
    checkMixture(ToyDistribution.TWENTY_FIVE_GAUSSIANS);
  }

  @Test
  void swissRollPointsLieOnTheSpiral() {
    // Unscaled: (t cos t, t sin t) + N(0, 0.25^2), t in [1.5 pi, 4.5 pi], all divided by 7.5.
    int n = 10_000;
    float[] p = ToyDistribution.SWISS_ROLL.sample(new SplittableRandom(99), n);
    double rMin = 1.5 * Math.PI / 7.5;
    double rMax = 4.5 * Math.PI / 7.5;
    double margin = 6 * 0.25 / 7.5;
    double sumRadius = 0;
    double sumPhaseError = 0;
    for (int i = 0; i < n; i++) {
      double x = p[2 * i];
      double y = p[2 * i + 1];
      double r = Math.hypot(x, y);
      assertTrue(r > rMin - margin && r < rMax + margin, "radius " + r);
      sumRadius += r;
      // On the spiral the angle equals t = 7.5 r (mod 2 pi).
      double phase = Math.atan2(y, x) - 7.5 * r;
      phase = phase - 2 * Math.PI * Math.floor((phase + Math.PI) / (2 * Math.PI));
      sumPhaseError += Math.abs(phase);
    }
    // t is uniform, so the mean radius is the midpoint 3 pi / 7.5.
    assertEquals(3 * Math.PI / 7.5, sumRadius / n, 0.03);
    // Noise of 0.25 at radius >= 4.7 gives phase errors of a few tenths; unrelated points average pi / 2.
    assertTrue(sumPhaseError / n < 0.5, "mean phase error " + sumPhaseError / n);
  }

  @Test
  void batchesAreAPureFunctionOfSeedAndIndex() {
    for (ToyDistribution d : ToyDistribution.values()) {
      BatchSource a = d.batches(32, 5);
      BatchSource b = d.batches(32, 5);
      assertEquals(32, a.batchSize());
      assertArrayEquals(new int[] {2}, a.exampleShape());
      assertEquals(2, a.exampleSize());
      float[] a7 = new float[64];
      float[] a3 = new float[64];
      float[] b7 = new float[64];
      float[] b3 = new float[64];
      a.fill(7, a7);
      a.fill(3, a3);
      b.fill(3, b3);
      b.fill(7, b7);
      assertArrayEquals(a7, b7, d + ": same seed and index");
      assertArrayEquals(a3, b3, d + ": same seed and index, other order");
      assertFalse(Arrays.equals(a3, a7), d + ": different indices give the same batch");
      float[] again = new float[64];
      a.fill(7, again);
      assertArrayEquals(a7, again, d + ": refilling an index");
      float[] otherSeed = new float[64];
      d.batches(32, 6).fill(7, otherSeed);
      assertFalse(Arrays.equals(a7, otherSeed), d + ": different seeds give the same batch");
    }
  }
}
