package org.jgan.eval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Multi-scale structural similarity (Wang, Simoncelli and Bovik 2003, "Multi-scale structural
 * similarity for image quality assessment", eq. 7), following the reference msssim.py of
 * tensorflow/models (research/compression) step by step, in plain Java double:
 *
 * <ul>
 *   <li>5 scales with exponents 0.0448, 0.2856, 0.3001, 0.2363, 0.1333;
 *   <li>at each scale a Gaussian window of size min(11, H, W) and sigma 1.5 * size / 11 (MATLAB's
 *       fspecial, with half-pixel offsets for even sizes), valid convolution only;
 *   <li>SSIM map (eq. 6 of Wang et al. 2004 with C1 = (K1 L)^2, C2 = (K2 L)^2, K1 = 0.01,
 *       K2 = 0.03, L the max value) and contrast-structure map (2 sigma_xy + C2) / (sigma_x^2 +
 *       sigma_y^2 + C2), each averaged over the map and channels;
 *   <li>between scales a 2x2 box filter with reflected borders (scipy.ndimage mode 'reflect'),
 *       then every second pixel: 28 -> 14 -> 7 -> 4 -> 2;
 *   <li>MS-SSIM = prod_{j &lt; 5} cs_j^{w_j} * ssim_5^{w_5}.
 * </ul>
 *
 * <p>One departure: a negative cs or ssim (anti-correlated images) is raised to its power as 0
 * rather than NaN, as tf.image.ssim_multiscale does (it applies a ReLU to them); the reference
 * would return NaN there. Such a pair scores 0 and is counted ({@link Scales#clamped()},
 * {@link Diversity#clampedPairs()}), so a reader can tell how much the clamp touched.
 * Images are row-major height x width x channels.
 */
public final class MsSsim {
  /** Scale exponents of Wang et al. 2003, finest first. */
  private static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
  /** Window size at full resolution. */
  public static final int FILTER_SIZE = 11;
  /** Window sigma at full resolution. */
  public static final double FILTER_SIGMA = 1.5;
  /** Luminance stabiliser factor: C1 = (K1 L)^2. */
  public static final double K1 = 0.01;
  /** Contrast stabiliser factor: C2 = (K2 L)^2. */
  public static final double K2 = 0.03;
  /** Max value of 8-bit images. */
  public static final double MAX_8BIT = 255;

  private final int height;
  private final int width;
  private final int channels;
  private final double maxValue;

  /** MS-SSIM for images of {@code height x width x channels} whose values range over [0, maxValue]. */
  public MsSsim(int height, int width, int channels, double maxValue) {
    if (height < 1 || width < 1 || channels < 1 || !(maxValue > 0)) {
      throw new IllegalArgumentException(
          "bad image spec " + height + "x" + width + "x" + channels + " max " + maxValue);
    }
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.maxValue = maxValue;
  }

  /** The scale exponents, finest first. */
  public static double[] weights() {
    return WEIGHTS.clone();
  }

  /** The max value L in C1 = (K1 L)^2 and C2 = (K2 L)^2. */
  public double maxValue() {
    return maxValue;
  }

  /**
   * The per-scale terms behind one MS-SSIM value.
   *
   * @param ssim mean SSIM at each scale, finest first
   * @param cs mean contrast-structure term at each scale, finest first
   * @param value the MS-SSIM value
   */
  public record Scales(double[] ssim, double[] cs, double value) {
    /**
     * The terms with their MS-SSIM value, prod_{j &lt; 5} cs_j^{w_j} * ssim_5^{w_5}, where a negative
     * term counts as 0.
     */
    public static Scales of(double[] ssim, double[] cs) {
      double value = 1;
      int last = WEIGHTS.length - 1;
      for (int level = 0; level < last; level++) {
        value *= Math.pow(Math.max(cs[level], 0), WEIGHTS[level]);
      }
      value *= Math.pow(Math.max(ssim[last], 0), WEIGHTS[last]);
      return new Scales(ssim, cs, value);
    }

    /** True when a term that enters the value (cs below the coarsest scale, ssim at it) was negative and counted as 0. */
    public boolean clamped() {
      int last = WEIGHTS.length - 1;
      for (int level = 0; level < last; level++) {
        if (cs[level] < 0) {
          return true;
        }
      }
      return ssim[last] < 0;
    }
  }

  /**
   * Mean MS-SSIM over random pairs of distinct images (the sample-diversity protocol of Odena et
   * al. 2017): lower means more diverse.
   *
   * @param mean mean over pairs
   * @param std population std over pairs
   * @param pairs pairs drawn
   * @param clampedPairs pairs with a negative term counted as 0 (see {@link Scales#clamped()})
   * @param images images drawn from
   * @param seed seed of the pair draw
   * @param maxValue the max value L used
   */
  public record Diversity(double mean, double std, int pairs, int clampedPairs, int images, long seed, double maxValue) {}

  /** MS-SSIM between two images: 1 when identical, symmetric, lower when less similar. */
  public double score(float[] a, float[] b) {
    return scales(a, b).value();
  }

  /** MS-SSIM between two images with its per-scale terms. */
  public Scales scales(float[] a, float[] b) {
    int size = height * width * channels;
    if (a.length != size || b.length != size) {
      throw new IllegalArgumentException(
          "images of " + a.length + " and " + b.length + " values, expected " + height + "x" + width + "x" + channels);
    }
    double[] x = toDouble(a);
    double[] y = toDouble(b);
    int h = height;
    int w = width;
    double[] ssim = new double[WEIGHTS.length];
    double[] cs = new double[WEIGHTS.length];
    for (int level = 0; level < WEIGHTS.length; level++) {
      double[] terms = ssimAndCs(x, y, h, w, channels, maxValue);
      ssim[level] = terms[0];
      cs[level] = terms[1];
      if (level + 1 < WEIGHTS.length) {
        x = downsample(x, h, w, channels);
        y = downsample(y, h, w, channels);
        h = (h + 1) / 2;
        w = (w + 1) / 2;
      }
    }
    return Scales.of(ssim, cs);
  }

  /** Mean MS-SSIM over {@code pairs} random pairs of distinct images, drawn with {@code seed}. */
  public Diversity diversity(List<float[]> images, int pairs, long seed) {
    int[][] drawn = drawPairs(images.size(), pairs, seed);
    Scales[] scored = new Scales[pairs];
    for (int p = 0; p < pairs; p++) {
      scored[p] = scales(images.get(drawn[p][0]), images.get(drawn[p][1]));
    }
    return summarize(scored, images.size(), seed, maxValue);
  }

  /** {@code pairs} random pairs (i, j) of distinct indices below {@code images}, drawn with {@code seed}. */
  static int[][] drawPairs(int images, int pairs, long seed) {
    if (images < 2 || pairs < 1) {
      throw new IllegalArgumentException("need at least 2 images and 1 pair, got " + images + " and " + pairs);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[][] drawn = new int[pairs][];
    for (int p = 0; p < pairs; p++) {
      int i = random.nextInt(images);
      int j = random.nextInt(images - 1);
      if (j >= i) {
        j++;
      }
      drawn[p] = new int[] {i, j};
    }
    return drawn;
  }

  /** Mean and population std of per-pair values, and how many pairs were clamped. */
  static Diversity summarize(Scales[] scored, int images, long seed, double maxValue) {
    double mean = 0;
    int clamped = 0;
    for (Scales s : scored) {
      mean += s.value();
      clamped += s.clamped() ? 1 : 0;
    }
    mean /= scored.length;
    double var = 0;
    for (Scales s : scored) {
      var += (s.value() - mean) * (s.value() - mean);
    }
    return new Diversity(mean, Math.sqrt(var / scored.length), scored.length, clamped, images, seed, maxValue);
  }

  /**
   * Single-scale {mean SSIM, mean cs} of two h x w x c images (the reference's
   * _SSIMForMultiScale): window min(11, h, w), sigma scaled by size / 11, valid convolution.
   */
  static double[] ssimAndCs(double[] x, double[] y, int h, int w, int c, double maxValue) {
    int size = Math.min(FILTER_SIZE, Math.min(h, w));
    double sigma = size * FILTER_SIGMA / FILTER_SIZE;
    double[] window = gaussianWindow(size, sigma);
    double c1 = (K1 * maxValue) * (K1 * maxValue);
    double c2 = (K2 * maxValue) * (K2 * maxValue);
    int oh = h - size + 1;
    int ow = w - size + 1;
    double ssimSum = 0;
    double csSum = 0;
    for (int ch = 0; ch < c; ch++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double mx = 0;
          double my = 0;
          double xx = 0;
          double yy = 0;
          double xy = 0;
          for (int u = 0; u < size; u++) {
            for (int v = 0; v < size; v++) {
              double g = window[u * size + v];
              int idx = ((i + u) * w + (j + v)) * c + ch;
              double a = x[idx];
              double b = y[idx];
              mx += g * a;
              my += g * b;
              xx += g * a * a;
              yy += g * b * b;
              xy += g * a * b;
            }
          }
          // Local (co)variances: E[ab] - E[a]E[b] under the window.
          double sxx = xx - mx * mx;
          double syy = yy - my * my;
          double sxy = xy - mx * my;
          double v1 = 2 * sxy + c2;
          double v2 = sxx + syy + c2;
          ssimSum += (2 * mx * my + c1) * v1 / ((mx * mx + my * my + c1) * v2);
          csSum += v1 / v2;
        }
      }
    }
    double count = (double) oh * ow * c;
    return new double[] {ssimSum / count, csSum / count};
  }

  /** MATLAB fspecial('gaussian', size, sigma), normalised to sum 1; even sizes sit on half-pixel offsets. */
  static double[] gaussianWindow(int size, double sigma) {
    double offset = size % 2 == 0 ? 0.5 - size / 2 : -(size / 2);
    double[] g = new double[size * size];
    double sum = 0;
    for (int u = 0; u < size; u++) {
      for (int v = 0; v < size; v++) {
        double p = offset + u;
        double q = offset + v;
        g[u * size + v] = Math.exp(-(p * p + q * q) / (2 * sigma * sigma));
        sum += g[u * size + v];
      }
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= sum;
    }
    return g;
  }

  /**
   * 2x2 box filter with reflected borders, then every second pixel: out[i, j] is the mean of
   * in[2i..2i+1, 2j..2j+1], where a row or column past the end reflects to the last one.
   */
  static double[] downsample(double[] in, int h, int w, int c) {
    int oh = (h + 1) / 2;
    int ow = (w + 1) / 2;
    double[] out = new double[oh * ow * c];
    for (int i = 0; i < oh; i++) {
      int r0 = 2 * i;
      int r1 = Math.min(2 * i + 1, h - 1);
      for (int j = 0; j < ow; j++) {
        int q0 = 2 * j;
        int q1 = Math.min(2 * j + 1, w - 1);
        for (int ch = 0; ch < c; ch++) {
          out[(i * ow + j) * c + ch] = 0.25 * (in[(r0 * w + q0) * c + ch] + in[(r0 * w + q1) * c + ch]
              + in[(r1 * w + q0) * c + ch] + in[(r1 * w + q1) * c + ch]);
        }
      }
    }
    return out;
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
