package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-graph MS-SSIM agrees with the plain-Java reference implementation. */
class MsSsimGraphTest {
  private static float[] noisy(SplittableRandom random, float[] base, double noise) {
    float[] out = new float[base.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) Math.max(0, Math.min(255, base[i] + noise * random.nextGaussian()));
    }
    return out;
  }

  private static void agree(int h, int w, int c) {
    SplittableRandom random = new SplittableRandom(h * 31L + w + c);
    MsSsim reference = new MsSsim(h, w, c, 255);
    List<float[]> images = new ArrayList<>();
    float[] base = new float[h * w * c];
    for (int i = 0; i < base.length; i++) {
      base[i] = (float) (255 * random.nextDouble());
    }
    for (int k = 0; k < 6; k++) {
      images.add(noisy(random, base, 10.0 * k));
    }
    try (MsSsimGraph graph = new MsSsimGraph(h, w, c, 255, 1)) {
      for (int i = 0; i < images.size(); i++) {
        for (int j = 0; j < images.size(); j++) {
          double expected = reference.score(images.get(i), images.get(j));
          double actual = graph.scores(images.get(i), images.get(j), 1)[0];
          assertEquals(expected, actual, 2e-4, h + "x" + w + "x" + c + " pair " + i + "," + j);
        }
      }
      MsSsim.Diversity javaDiversity = reference.diversity(images, 40, 5);
      MsSsim.Diversity graphDiversity = graph.diversity(images, 40, 5);
      assertEquals(javaDiversity.mean(), graphDiversity.mean(), 2e-4);
      assertEquals(javaDiversity.pairs(), graphDiversity.pairs());
    }
  }

  @Test
  void agreesWithTheReferenceOnMnistSizedImages() {
    agree(28, 28, 1);
  }

  @Test
  void agreesOnOddSizesAndColour() {
    agree(32, 20, 3);
  }
}
