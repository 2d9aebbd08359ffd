package org.jgan.eval.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.data.ToyDistribution;
import org.junit.jupiter.api.Test;

/**
 * The sign of the {@code critic} metric, pinned where the answer is known: samples drawn from the
 * data's own distribution score about 0, and the same samples translated by 6 (Wasserstein-1
 * distance exactly 6) score a large positive number. Lower is better, and every result's protocol
 * says so.
 */
class CriticMetricSignTest {
  private static final int COUNT = 4000;

  private static Map<String, Object> critic(float[] points) throws Exception {
    Samples samples = new Samples(points, COUNT, new int[] {2}, "toy8", "test");
    EvalSettings settings = new EvalSettings(null, null, null, 3, 300);
    return Evaluator.evaluate(samples, List.of(CriticMetric.NAME), settings).metrics().get(CriticMetric.NAME);
  }

  @Test
  void identicalDistributionsScoreZeroAndSeparatedOnesTheirDistance() throws Exception {
    float[] like = ToyDistribution.byId("toy8").sample(new SplittableRandom(11), COUNT);
    float[] shifted = like.clone();
    for (int i = 0; i < shifted.length; i += 2) {
      shifted[i] += 6f;
    }
    double same = ((Number) critic(like).get("estimate")).doubleValue();
    Map<String, Object> far = critic(shifted);
    double distance = ((Number) far.get("estimate")).doubleValue();
    assertEquals(0.0, same, 0.5, "samples like the data");
    // The penalty holds the critic only near 1-Lipschitz, so its estimate is W1 = 6 roughly (7.8 here):
    // the test pins the sign and the order, not the value.
    assertTrue(distance > 3 && distance < 12, "samples translated by 6 (W1 = 6): " + distance);
    assertTrue(distance > same + 4, "further samples score higher: " + same + " -> " + distance);

    Headline headline = new CriticMetric().headlines().get(0);
    assertEquals("estimate", headline.field());
    assertFalse(headline.higherIsBetter(), "a distance: lower is better");
    assertTrue(String.valueOf(far.get("protocol")).contains(CriticMetric.SIGN_CONVENTION), String.valueOf(far.get("protocol")));
  }
}
