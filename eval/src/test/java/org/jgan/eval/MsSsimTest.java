package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MsSsimTest {
  private static final MsSsim MNIST = new MsSsim(28, 28, 1, MsSsim.MAX_8BIT);

  @Test
  void identicalImagesScoreOne() {
    float[] a = pattern(28, 28, 1)[0];
    assertEquals(1.0, MNIST.score(a, a), 1e-12);
    float[] noise = randomImage(new Random(4), 28 * 28);
    assertEquals(1.0, MNIST.score(noise, noise), 1e-12);
  }

  @Test
  void isSymmetric() {
    Random random = new Random(5);
    float[] a = randomImage(random, 28 * 28);
    float[] b = randomImage(random, 28 * 28);
    assertEquals(MNIST.score(a, b), MNIST.score(b, a), 1e-12);
    float[][] p = pattern(28, 28, 1);
    assertEquals(MNIST.score(p[0], p[1]), MNIST.score(p[1], p[0]), 1e-12);
  }

  @Test
  void fallsMonotonicallyAsNoiseGrows() {
    float[] clean = pattern(28, 28, 1)[0];
    Random random = new Random(6);
    double[] noise = new double[clean.length];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextGaussian();
    }
    double previous = 1.0;
    for (double amplitude : new double[] {2, 5, 10, 20, 40, 80}) {
      float[] noisy = new float[clean.length];
      for (int i = 0; i < noisy.length; i++) {
        noisy[i] = (float) (clean[i] + amplitude * noise[i]);
      }
      double score = MNIST.score(clean, noisy);
      assertTrue(score < previous, "noise " + amplitude + ": " + score + " not below " + previous);
      previous = score;
    }
    assertTrue(previous < 0.7, "heavy noise still scores " + previous);
  }

  @Test
  void constantImagesMatchClosedForm() {
    // Constant images stay constant at every scale, so every variance is 0: cs = C2 / C2 = 1 at
    // all scales and ssim = luminance = (2ab + C1) / (a^2 + b^2 + C1); MS-SSIM = luminance^w5.
    float a = 100;
    float b = 140;
    float[] x = new float[28 * 28];
    float[] y = new float[28 * 28];
    java.util.Arrays.fill(x, a);
    java.util.Arrays.fill(y, b);
    double c1 = Math.pow(0.01 * 255, 2);
    double luminance = (2.0 * a * b + c1) / (a * a + b * b + c1);
    MsSsim.Scales scales = MNIST.scales(x, y);
    for (int level = 0; level < 5; level++) {
      assertEquals(1.0, scales.cs()[level], 1e-12);
      assertEquals(luminance, scales.ssim()[level], 1e-12);
    }
    assertEquals(Math.pow(luminance, 0.1333), scales.value(), 1e-12);
  }

  @Test
  void singleWindowSsimMatchesTheDefiningFormula() {
    // An 11x11 image has exactly one window position at full scale: SSIM is the formula of Wang
    // et al. 2004 (eq. 13) with Gaussian-weighted means and (co)variances, computed here directly.
    Random random = new Random(7);
    int n = 11;
    double[] x = new double[n * n];
    double[] y = new double[n * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = 255 * random.nextDouble();
      y[i] = 0.5 * x[i] + 100 * random.nextDouble();
    }
    double s = 1.5;
    double[] g = new double[n * n];
    double total = 0;
    for (int u = 0; u < n; u++) {
      for (int v = 0; v < n; v++) {
        g[u * n + v] = Math.exp(-((u - 5) * (u - 5) + (v - 5) * (v - 5)) / (2 * s * s));
        total += g[u * n + v];
      }
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += g[i] / total * x[i];
      my += g[i] / total * y[i];
    }
    double vx = 0;
    double vy = 0;
    double cxy = 0;
    for (int i = 0; i < x.length; i++) {
      vx += g[i] / total * (x[i] - mx) * (x[i] - mx);
      vy += g[i] / total * (y[i] - my) * (y[i] - my);
      cxy += g[i] / total * (x[i] - mx) * (y[i] - my);
    }
    double c1 = Math.pow(0.01 * 255, 2);
    double c2 = Math.pow(0.03 * 255, 2);
    double ssim = (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
    double cs = (2 * cxy + c2) / (vx + vy + c2);
    double[] terms = MsSsim.ssimAndCs(x, y, n, n, 1, 255);
    assertEquals(ssim, terms[0], 1e-10);
    assertEquals(cs, terms[1], 1e-10);
  }

  @Test
  void downsamplingHalvesWithReflectedBorder() {
    // 3x3 -> 2x2: the last row and column reflect onto themselves (scipy.ndimage 'reflect').
    double[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] out = MsSsim.downsample(in, 3, 3, 1);
    assertEquals(4, out.length);
    assertEquals((1 + 2 + 4 + 5) / 4.0, out[0], 1e-12);
    assertEquals((3 + 3 + 6 + 6) / 4.0, out[1], 1e-12);
    assertEquals((7 + 8 + 7 + 8) / 4.0, out[2], 1e-12);
    assertEquals(9, out[3], 1e-12);
  }

  @Test
  void matchesTheReferenceImplementation() {
    // Values printed by src/test/resources/org/jgan/eval/msssim_reference.py, a transcription of
    // tensorflow/models' msssim.py run with numpy/scipy on the same inputs.
    float[][] small = pattern(28, 28, 1);
    assertEquals(0.8727428928496488, MNIST.score(small[0], small[1]), 1e-7);
    float[][] colour = pattern(32, 20, 3);
    assertEquals(0.9579087167827335, new MsSsim(32, 20, 3, 255).score(colour[0], colour[1]), 1e-7);
  }

  @Test
  void diversityIsMeanOverSeededPairs() {
    Random random = new Random(8);
    List<float[]> images = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      images.add(randomImage(random, 28 * 28));
    }
    MsSsim.Diversity d = MNIST.diversity(images, 20, 42);
    assertEquals(d, MNIST.diversity(images, 20, 42));
    assertEquals(20, d.pairs());
    assertEquals(5, d.images());
    assertTrue(d.mean() < 0.5, "independent noise images look alike: " + d.mean());
    List<float[]> same = List.of(images.get(0), images.get(0), images.get(0));
    assertEquals(1.0, MNIST.diversity(same, 10, 1).mean(), 1e-12);
  }

  @Test
  void anticorrelatedPairsAreClampedToZeroAndCounted() {
    // An image and its negative: sigma_xy = -sigma_x^2, so every cs term is negative and
    // msssim.py would give NaN; the clamp makes the pair score 0 and marks it.
    float[] image = randomImage(new Random(9), 28 * 28);
    float[] negative = new float[image.length];
    for (int i = 0; i < image.length; i++) {
      negative[i] = 255 - image[i];
    }
    MsSsim.Scales scales = MNIST.scales(image, negative);
    assertTrue(scales.cs()[0] < 0, "finest cs of a negative image: " + scales.cs()[0]);
    assertEquals(0.0, scales.value(), 0.0);
    assertTrue(scales.clamped());
    assertFalse(MNIST.scales(image, image).clamped());

    // Copies of the image and of its negative: a pair is clamped exactly when it mixes the two.
    List<float[]> images = List.of(image, negative, image.clone(), negative.clone());
    MsSsim.Diversity d = MNIST.diversity(images, 40, 3);
    int[][] pairs = MsSsim.drawPairs(images.size(), 40, 3);
    int mixed = 0;
    for (int[] pair : pairs) {
      mixed += pair[0] % 2 != pair[1] % 2 ? 1 : 0;
    }
    assertTrue(mixed > 0 && mixed < 40, "the draw mixes both kinds: " + mixed);
    assertEquals(mixed, d.clampedPairs());
    assertEquals((40 - mixed) / 40.0, d.mean(), 1e-12, "identical pairs score 1, mixed ones 0");
  }

  /** The fixed pair of msssim_reference.py: a smooth pattern and a perturbed copy, as float32. */
  private static float[][] pattern(int h, int w, int c) {
    float[] a = new float[h * w * c];
    float[] b = new float[h * w * c];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        for (int k = 0; k < c; k++) {
          int idx = (i * w + j) * c + k;
          a[idx] = (float) (128 + 100 * Math.sin(0.7 * i + 0.3 * k) * Math.cos(0.4 * j));
          b[idx] = (float) ((double) a[idx] + 40 * Math.sin(0.37 * i * j + 1 + k));
        }
      }
    }
    return new float[][] {a, b};
  }

  private static float[] randomImage(Random random, int size) {
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = 255 * random.nextFloat();
    }
    return out;
  }
}
