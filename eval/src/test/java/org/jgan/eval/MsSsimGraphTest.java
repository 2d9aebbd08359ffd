package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void countsClampedPairsAsTheReferenceDoes() {
    // Noisy copies of one image and their negatives: every pair is clearly correlated (not
    // clamped) or clearly anti-correlated (clamped), so float32 and double agree on each.
    SplittableRandom random = new SplittableRandom(12);
    float[] base = new float[28 * 28];
    for (int i = 0; i < base.length; i++) {
      base[i] = (float) (255 * random.nextDouble());
    }
    List<float[]> images = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      float[] image = noisy(random, base, 10);
      float[] negative = new float[image.length];
      for (int i = 0; i < image.length; i++) {
        negative[i] = 255 - image[i];
      }
      images.add(image);
      images.add(negative);
    }
    MsSsim.Diversity javaDiversity = new MsSsim(28, 28, 1, 255).diversity(images, 50, 7);
    try (MsSsimGraph graph = new MsSsimGraph(28, 28, 1, 255, 1)) {
      MsSsim.Diversity graphDiversity = graph.diversity(images, 50, 7);
      assertTrue(javaDiversity.clampedPairs() > 0, "an image against its negative is clamped");
      assertEquals(javaDiversity.clampedPairs(), graphDiversity.clampedPairs());
      assertEquals(javaDiversity.mean(), graphDiversity.mean(), 2e-4);
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
