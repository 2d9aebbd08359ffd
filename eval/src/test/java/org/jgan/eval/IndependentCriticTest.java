package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgan.graphs.models.Mlp;
import org.junit.jupiter.api.Test;

/** The independent critic ranks a shifted distribution as further from the data than the data itself. */
class IndependentCriticTest {
  private static float[] gaussian(long seed, int count, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] points = new float[2 * count];
    for (int i = 0; i < points.length; i++) {
      points[i] = (float) (random.nextGaussian() + shift);
    }
    return points;
  }

  @Test
  void shiftedSamplesScoreFurtherThanRealOnes() {
    IndependentCritic.Settings settings = new IndependentCritic.Settings(300, 64, 10f, 1e-3f, 1, 2);
    Mlp mlp = new Mlp(32, 2);
    int[] shape = {2};
    float[] realTrain = gaussian(1, 2000, 0);
    float[] realTest = gaussian(2, 2000, 0);
    IndependentCritic.Estimate same = IndependentCritic.estimate(mlp.discriminator(shape), shape, realTrain,
        gaussian(3, 2000, 0), realTest, gaussian(4, 2000, 0), settings);
    IndependentCritic.Estimate shifted = IndependentCritic.estimate(mlp.discriminator(shape), shape, realTrain,
        gaussian(5, 2000, 1.5), realTest, gaussian(6, 2000, 1.5), settings);
    assertTrue(shifted.estimate() > same.estimate() + 0.5,
        "shifted " + shifted.estimate() + " vs same " + same.estimate());
    // W1 between N(0, I) and N(s, I) in 2-D is |s| sqrt(2) = 2.12 for s = 1.5; a trained critic gets close.
    assertEquals(1.5 * Math.sqrt(2), shifted.estimate(), 0.8);
    assertEquals(0.0, same.estimate(), 0.3);
    assertEquals(2000, shifted.realTestCount());
  }
}
