package org.jgan.eval.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bernoulli draws follow the probabilities and the seed. */
class BernoulliDrawsTest {
  @Test
  void drawsFollowTheProbabilitiesAndTheSeed() {
    float[] p = new float[100_000];
    Arrays.fill(p, 0, 50_000, 0.3f);
    Arrays.fill(p, 50_000, 99_998, 0.9f);
    p[99_998] = 0f;
    p[99_999] = 1f;
    float[] x = BernoulliDraws.draw(p, 7);
    double low = 0;
    double high = 0;
    for (int i = 0; i < 50_000; i++) {
      assertTrue(x[i] == 0f || x[i] == 1f, "draw " + x[i]);
      low += x[i] / 50_000.0;
      high += x[50_000 + i] / 50_000.0;
    }
    // Standard errors about 0.002 and 0.0013: 0.01 is five of them.
    assertEquals(0.3, low, 0.01);
    assertEquals(0.9, high, 0.01);
    assertEquals(0f, x[99_998]);
    assertEquals(1f, x[99_999]);
    assertArrayEquals(x, BernoulliDraws.draw(p, 7), "same seed, same draws");
    assertNotEquals(Arrays.toString(x), Arrays.toString(BernoulliDraws.draw(p, 8)), "another seed, other draws");
  }
}
