package org.jgan.eval;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * MS-SSIM computed in a TensorFlow graph for batches of image pairs, with exactly the protocol of
 * {@link MsSsim} (the plain-Java reference it is tested against): per scale a Gaussian window of
 * min(11, H, W) pixels, valid convolution, then a 2x2 box filter with the last row and column
 * repeated and every second pixel. Close it.
 */
public final class MsSsimGraph implements AutoCloseable {
  /** Pairs scored per session run. */
  public static final int BATCH = 256;

  private final int height;
  private final int width;
  private final int channels;
  private final double maxValue;
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> a;
  private final Placeholder<TFloat32> b;
  private final List<Operand<TFloat32>> ssim = new ArrayList<>();
  private final List<Operand<TFloat32>> cs = new ArrayList<>();

  /** A graph for {@code height x width x channels} images with values in [0, maxValue]. */
  public MsSsimGraph(int height, int width, int channels, double maxValue, int threads) {
    new MsSsim(height, width, channels, maxValue);
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.maxValue = maxValue;
    Ops tf = Ops.create(graph);
    Shape shape = Shape.of(-1, height, width, channels);
    a = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
    b = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
    // One channel per row: [N, H, W, C] -> [N * C, H, W, 1], so one 2-D window filters every channel.
    Operand<TFloat32> x = perChannel(tf, a, height, width);
    Operand<TFloat32> y = perChannel(tf, b, height, width);
    int h = height;
    int w = width;
    double[] weights = MsSsim.weights();
    for (int level = 0; level < weights.length; level++) {
      scale(tf, x, y, h, w);
      if (level + 1 < weights.length) {
        x = downsample(tf, x, h, w);
        y = downsample(tf, y, h, w);
        h = (h + 1) / 2;
        w = (w + 1) / 2;
      }
    }
    session = Sessions.open(graph, threads);
  }

  private Operand<TFloat32> perChannel(Ops tf, Operand<TFloat32> images, int h, int w) {
    Operand<TFloat32> channelsFirst = tf.linalg.transpose(images, tf.constant(new int[] {0, 3, 1, 2}));
    return tf.reshape(channelsFirst, tf.constant(new long[] {-1, h, w, 1}));
  }

  /** Appends this scale's mean SSIM and mean cs per pair, each [N]. */
  private void scale(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y, int h, int w) {
    int size = Math.min(MsSsim.FILTER_SIZE, Math.min(h, w));
    double[] window = MsSsim.gaussianWindow(size, size * MsSsim.FILTER_SIGMA / MsSsim.FILTER_SIZE);
    float[][][][] kernel = new float[size][size][1][1];
    for (int u = 0; u < size; u++) {
      for (int v = 0; v < size; v++) {
        kernel[u][v][0][0] = (float) window[u * size + v];
      }
    }
    Operand<TFloat32> g = tf.constant(kernel);
    Operand<TFloat32> mx = filter(tf, x, g);
    Operand<TFloat32> my = filter(tf, y, g);
    Operand<TFloat32> sxx = tf.math.sub(filter(tf, tf.math.mul(x, x), g), tf.math.mul(mx, mx));
    Operand<TFloat32> syy = tf.math.sub(filter(tf, tf.math.mul(y, y), g), tf.math.mul(my, my));
    Operand<TFloat32> sxy = tf.math.sub(filter(tf, tf.math.mul(x, y), g), tf.math.mul(mx, my));
    float c1 = (float) Math.pow(MsSsim.K1 * maxValue, 2);
    float c2 = (float) Math.pow(MsSsim.K2 * maxValue, 2);
    Operand<TFloat32> v1 = tf.math.add(tf.math.mul(tf.constant(2f), sxy), tf.constant(c2));
    Operand<TFloat32> v2 = tf.math.add(tf.math.add(sxx, syy), tf.constant(c2));
    Operand<TFloat32> luminance = tf.math.div(tf.math.add(tf.math.mul(tf.constant(2f), tf.math.mul(mx, my)), tf.constant(c1)),
        tf.math.add(tf.math.add(tf.math.mul(mx, mx), tf.math.mul(my, my)), tf.constant(c1)));
    Operand<TFloat32> csMap = tf.math.div(v1, v2);
    long pixels = (long) (h - size + 1) * (w - size + 1);
    ssim.add(perPair(tf, tf.math.mul(luminance, csMap), pixels));
    cs.add(perPair(tf, csMap, pixels));
  }

  private Operand<TFloat32> filter(Ops tf, Operand<TFloat32> x, Operand<TFloat32> g) {
    return tf.nn.conv2d(x, g, List.of(1L, 1L, 1L, 1L), "VALID");
  }

  /** The mean of a map over each pair's channels and pixels: [N * C, h, w, 1] -> [N]. */
  private Operand<TFloat32> perPair(Ops tf, Operand<TFloat32> map, long pixels) {
    Operand<TFloat32> rows = tf.reshape(map, tf.constant(new long[] {-1, channels, pixels}));
    return tf.math.mean(rows, tf.constant(new int[] {1, 2}));
  }

  private Operand<TFloat32> downsample(Ops tf, Operand<TFloat32> x, int h, int w) {
    // Repeat the last row / column when the size is odd (SYMMETRIC padding by one), then 2x2 means.
    Operand<TInt32> padding = tf.constant(new int[][] {{0, 0}, {0, h % 2}, {0, w % 2}, {0, 0}});
    Operand<TFloat32> padded = tf.mirrorPad(x, padding, "SYMMETRIC");
    return tf.nn.avgPool(padded, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "VALID");
  }

  /** MS-SSIM of each pair (a[i], b[i]); arrays are row-major [count, H, W, C]. */
  public double[] scores(float[] first, float[] second, int count) {
    MsSsim.Scales[] scored = scales(first, second, count);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = scored[i].value();
    }
    return values;
  }

  /** MS-SSIM of each pair (a[i], b[i]) with its per-scale terms; arrays are row-major [count, H, W, C]. */
  public MsSsim.Scales[] scales(float[] first, float[] second, int count) {
    int size = height * width * channels;
    MsSsim.Scales[] scored = new MsSsim.Scales[count];
    int levels = MsSsim.weights().length;
    for (int start = 0; start < count; start += BATCH) {
      int n = Math.min(BATCH, count - start);
      float[] x = java.util.Arrays.copyOfRange(first, start * size, (start + n) * size);
      float[] y = java.util.Arrays.copyOfRange(second, start * size, (start + n) * size);
      try (TFloat32 tx = Tensors.floats(x, n, height, width, channels);
          TFloat32 ty = Tensors.floats(y, n, height, width, channels)) {
        Session.Runner runner = session.runner().feed(a, tx).feed(b, ty);
        ssim.forEach(runner::fetch);
        cs.forEach(runner::fetch);
        try (Result r = runner.run()) {
          float[][] ssimValues = new float[levels][];
          float[][] csValues = new float[levels][];
          for (int l = 0; l < levels; l++) {
            ssimValues[l] = Tensors.toFloats(r.get(l));
            csValues[l] = Tensors.toFloats(r.get(levels + l));
          }
          for (int i = 0; i < n; i++) {
            double[] pairSsim = new double[levels];
            double[] pairCs = new double[levels];
            for (int l = 0; l < levels; l++) {
              pairSsim[l] = ssimValues[l][i];
              pairCs[l] = csValues[l][i];
            }
            scored[start + i] = MsSsim.Scales.of(pairSsim, pairCs);
          }
        }
      }
    }
    return scored;
  }

  /** Mean MS-SSIM over {@code pairs} random pairs of distinct images, drawn as {@link MsSsim#diversity} draws them. */
  public MsSsim.Diversity diversity(List<float[]> images, int pairs, long seed) {
    int size = height * width * channels;
    int[][] drawn = MsSsim.drawPairs(images.size(), pairs, seed);
    float[] first = new float[pairs * size];
    float[] second = new float[pairs * size];
    for (int p = 0; p < pairs; p++) {
      System.arraycopy(images.get(drawn[p][0]), 0, first, p * size, size);
      System.arraycopy(images.get(drawn[p][1]), 0, second, p * size, size);
    }
    return MsSsim.summarize(scales(first, second, pairs), images.size(), seed, maxValue);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
