package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.jgan.data.ToyDistribution;
import org.junit.jupiter.api.Test;

/** Mode coverage against counts worked out by hand. */
class ToyMetricsTest {
  private final ToyMetrics twoModes = new ToyMetrics(List.of(new double[] {0, 0}, new double[] {10, 0}), 1.0);

  @Test
  void allSamplesInOneModeCoverOnlyIt() {
    // 9 samples within 3 of (0, 0), one at (5, 5): 7.07 from both modes, so not high quality.
    float[] points = new float[20];
    for (int i = 0; i < 9; i++) {
      points[2 * i] = 0.1f * i;
    }
    points[18] = 5;
    points[19] = 5;
    ToyMetrics.Scores s = twoModes.score(points);
    assertEquals(1, s.modesCovered());
    assertEquals(2, s.modes());
    assertEquals(0.9, s.highQualityShare(), 1e-12);
    assertEquals(Math.log(2), s.modeKl(), 1e-12, "all mass on one of two modes: KL = log 2");
  }

  @Test
  void balancedSamplesCoverBothWithZeroKl() {
    float[] points = {0.5f, 0f, -1f, 2f, 10f, 0f, 12.9f, 0f};
    ToyMetrics.Scores s = twoModes.score(points);
    assertEquals(2, s.modesCovered());
    assertEquals(1.0, s.highQualityShare(), 1e-12);
    assertEquals(0.0, s.modeKl(), 1e-12);
  }

  @Test
  void aFewStraysDoNotCoverAMode() {
    // 100 samples: 99 at mode 0 and 1 at mode 1. Covering needs 0.2 * 100 / 2 = 10 samples.
    float[] points = new float[200];
    points[198] = 10;
    ToyMetrics.Scores s = twoModes.score(points);
    assertEquals(1, s.modesCovered());
    assertEquals(1.0, s.highQualityShare(), 1e-12);
  }

  @Test
  void noHighQualitySamplesGiveNanKl() {
    ToyMetrics.Scores s = twoModes.score(new float[] {5, 5, 5, -5});
    assertEquals(0, s.modesCovered());
    assertEquals(0.0, s.highQualityShare(), 0);
    assertTrue(Double.isNaN(s.modeKl()));
  }

  @Test
  void realEightGaussianSamplesCoverEveryMode() {
    float[] real = ToyDistribution.EIGHT_GAUSSIANS.sample(new SplittableRandom(3), 2500);
    ToyMetrics.Scores s = ToyMetrics.of(ToyDistribution.EIGHT_GAUSSIANS).score(real);
    assertEquals(8, s.modesCovered());
    // Within 3 std of a 2-D Gaussian: 1 - exp(-9/2) = 0.98889.
    assertEquals(1 - Math.exp(-4.5), s.highQualityShare(), 0.01);
    assertTrue(s.modeKl() < 0.01, "balanced histogram: " + s.modeKl());
  }
}
