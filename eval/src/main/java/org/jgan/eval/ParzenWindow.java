package org.jgan.eval;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Parzen-window (isotropic Gaussian kernel density) log-likelihood, the protocol of the GAN paper
 * (Goodfellow et al. 2014, section 5; Breuleux et al. 2011): a Gaussian of width sigma sits on
 * every generated sample s_i, and a point x scores
 *
 * <pre>log p(x) = logmeanexp_i(-||x - s_i||^2 / (2 sigma^2)) - d log(sigma sqrt(2 pi)).</pre>
 *
 * <p>Distances are computed in float32 TensorFlow ops, one block of {@code pointBatch} points by
 * {@code sampleChunk} samples at a time (so 10,000 x 10,000 fits in memory); each block gives a
 * stable in-graph log-sum-exp, and blocks are combined in Java in double. Samples and points are
 * first centred on the sample mean (distances do not change) so the float32 expansion
 * ||x||^2 + ||s||^2 - 2 x.s loses less to cancellation.
 */
public final class ParzenWindow {
  /** Validation points used to choose sigma (the first ones), as in the GAN paper's protocol. */
  public static final int DEFAULT_VALIDATION_COUNT = 1000;
  /** Samples per in-graph block. */
  public static final int DEFAULT_SAMPLE_CHUNK = 1000;
  /** Points per in-graph block. */
  public static final int DEFAULT_POINT_BATCH = 250;

  private final int sampleChunk;
  private final int pointBatch;
  private final int threads;

  /**
   * @param sampleChunk samples per block (its size does not change the result beyond float32
   *     rounding)
   * @param pointBatch points per block
   * @param threads intra-op threads of the session
   */
  public ParzenWindow(int sampleChunk, int pointBatch, int threads) {
    if (sampleChunk < 1 || pointBatch < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "chunk " + sampleChunk + ", batch " + pointBatch + " and threads " + threads + " must all be positive");
    }
    this.sampleChunk = sampleChunk;
    this.pointBatch = pointBatch;
    this.threads = threads;
  }

  /** Default blocks (1,000 samples by 250 points) on {@code threads} intra-op threads. */
  public static ParzenWindow withThreads(int threads) {
    return new ParzenWindow(DEFAULT_SAMPLE_CHUNK, DEFAULT_POINT_BATCH, threads);
  }

  /** The GAN paper's sigma grid: 10 log-spaced values from 0.1 to 1.0 (numpy.logspace(-1, 0, 10)). */
  public static double[] defaultSigmas() {
    return logSpaced(0.1, 1.0, 10);
  }

  /** {@code count} log-spaced values from {@code from} to {@code to}, both included. */
  public static double[] logSpaced(double from, double to, int count) {
    if (!(from > 0) || !(to > 0) || count < 1) {
      throw new IllegalArgumentException("log-spaced grid needs positive ends and count, got " + from + ", " + to + ", " + count);
    }
    double[] out = new double[count];
    double a = Math.log10(from);
    double b = Math.log10(to);
    for (int i = 0; i < count; i++) {
      out[i] = count == 1 ? from : Math.pow(10, a + (b - a) * i / (count - 1));
    }
    return out;
  }

  /**
   * The Parzen estimate and the protocol that produced it.
   *
   * @param mean mean log-likelihood (nats) of the test points at the chosen sigma
   * @param stdError std / sqrt(N) over test points (population std, as numpy's default in the
   *     reference parzen_ll.py)
   * @param sigma the chosen kernel width
   * @param samples generated samples the kernels sit on
   * @param validationPoints validation points used to choose sigma
   * @param testPoints test points scored
   * @param dim dimension of every point
   * @param sigmas the candidate widths
   * @param validationMeans mean validation log-likelihood for each candidate, same order
   */
  public record Estimate(
      double mean,
      double stdError,
      double sigma,
      int samples,
      int validationPoints,
      int testPoints,
      int dim,
      double[] sigmas,
      double[] validationMeans) {}

  /** The GAN paper's protocol with its defaults: {@link #defaultSigmas()} and the first 1,000 validation points. */
  public Estimate evaluate(float[] samples, float[] validation, float[] test, int dim) {
    return evaluate(samples, validation, test, dim, defaultSigmas(), DEFAULT_VALIDATION_COUNT);
  }

  /**
   * Chooses sigma among {@code sigmas} by the mean log-likelihood of the first {@code
   * validationCount} validation points (ties go to the earlier sigma), then scores every test point
   * with it. All arrays are row-major, {@code dim} values per point.
   */
  public Estimate evaluate(float[] samples, float[] validation, float[] test, int dim, double[] sigmas, int validationCount) {
    int nValidation = Math.min(validationCount, count(validation, dim, "validation"));
    if (nValidation < 1) {
      throw new IllegalArgumentException("no validation points to choose sigma with");
    }
    int nTest = count(test, dim, "test");
    if (nTest < 1) {
      throw new IllegalArgumentException("no test points to score");
    }
    float[] chosenValidation = Arrays.copyOf(validation, nValidation * dim);
    try (Kernel kernel = new Kernel(samples, dim)) {
      double[][] validationLl = kernel.logLikelihoods(chosenValidation, sigmas);
      double[] validationMeans = new double[sigmas.length];
      int best = 0;
      for (int k = 0; k < sigmas.length; k++) {
        validationMeans[k] = mean(validationLl[k]);
        if (validationMeans[k] > validationMeans[best]) {
          best = k;
        }
      }
      double sigma = sigmas[best];
      double[] testLl = kernel.logLikelihoods(test, new double[] {sigma})[0];
      double mean = mean(testLl);
      double sumSq = 0;
      for (double v : testLl) {
        sumSq += (v - mean) * (v - mean);
      }
      double stdError = Math.sqrt(sumSq / nTest) / Math.sqrt(nTest);
      return new Estimate(mean, stdError, sigma, count(samples, dim, "sample"), nValidation, nTest, dim,
          sigmas.clone(), validationMeans);
    }
  }

  /**
   * log p(x) for every point (rows) under the kernel density on {@code samples}, for every sigma:
   * {@code result[k][j]} is point j's log-likelihood at {@code sigmas[k]}.
   */
  public double[][] logLikelihoods(float[] samples, float[] points, int dim, double... sigmas) {
    try (Kernel kernel = new Kernel(samples, dim)) {
      return kernel.logLikelihoods(points, sigmas);
    }
  }

  private static int count(float[] values, int dim, String what) {
    if (dim < 1 || values.length % dim != 0) {
      throw new IllegalArgumentException(what + " array of " + values.length + " values is not a whole number of rows of " + dim);
    }
    return values.length / dim;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The graph and the sample blocks, built once and reused for every sigma and point set. */
  private final class Kernel implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> points;
    private final Placeholder<TFloat32> chunk;
    private final Placeholder<TFloat32> coefficients;
    private final Operand<TFloat32> blockLse;
    private final List<TFloat32> chunks = new ArrayList<>();
    private final double[] centre;
    private final int dim;
    private final int nSamples;

    Kernel(float[] samples, int dim) {
      this.dim = dim;
      this.nSamples = count(samples, dim, "sample");
      if (nSamples < 1) {
        throw new IllegalArgumentException("no samples to place kernels on");
      }
      centre = new double[dim];
      for (int i = 0; i < nSamples; i++) {
        for (int j = 0; j < dim; j++) {
          centre[j] += samples[i * dim + j];
        }
      }
      for (int j = 0; j < dim; j++) {
        centre[j] /= nSamples;
      }
      Ops tf = Ops.create(graph);
      points = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dim)));
      chunk = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, dim)));
      // coefficients[k] = -1 / (2 sigma_k^2), so the exponent of sample i at point j is coef * D[j, i].
      coefficients = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Operand<TFloat32> xx = tf.reduceSum(tf.math.square(points), tf.constant(1), ReduceSum.keepDims(true)); // [b, 1]
      Operand<TFloat32> ss = tf.reshape(
          tf.reduceSum(tf.math.square(chunk), tf.constant(1)), tf.constant(new long[] {1, -1})); // [1, c]
      Operand<TFloat32> xs = tf.linalg.matMul(points, chunk, MatMul.transposeB(true)); // [b, c]
      Operand<TFloat32> distances = tf.math.maximum(
          tf.math.sub(tf.math.add(xx, ss), tf.math.mul(tf.constant(2f), xs)), tf.constant(0f));
      Operand<TFloat32> exponents = tf.math.mul(
          tf.reshape(coefficients, tf.constant(new long[] {-1, 1, 1})), tf.expandDims(distances, tf.constant(0))); // [k, b, c]
      // Stable log-sum-exp over the block's samples: m + log sum exp(a - m).
      Operand<TFloat32> max = tf.reduceMax(exponents, tf.constant(2), ReduceMax.keepDims(true));
      Operand<TFloat32> sum = tf.reduceSum(tf.math.exp(tf.math.sub(exponents, max)), tf.constant(2));
      blockLse = tf.math.add(tf.math.log(sum), tf.squeeze(max, Squeeze.axis(List.of(2L)))); // [k, b]
      session = Sessions.open(graph, threads);
      try {
        for (int start = 0; start < nSamples; start += sampleChunk) {
          int rows = Math.min(sampleChunk, nSamples - start);
          chunks.add(Tensors.floats(centred(samples, start, rows), rows, dim));
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    private float[] centred(float[] values, int startRow, int rows) {
      float[] out = new float[rows * dim];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < dim; j++) {
          out[i * dim + j] = (float) (values[(startRow + i) * dim + j] - centre[j]);
        }
      }
      return out;
    }

    double[][] logLikelihoods(float[] values, double[] sigmas) {
      int n = count(values, dim, "point");
      int k = sigmas.length;
      if (k < 1) {
        throw new IllegalArgumentException("no sigma to evaluate");
      }
      float[] coef = new float[k];
      for (int s = 0; s < k; s++) {
        if (!(sigmas[s] > 0)) {
          throw new IllegalArgumentException("sigma " + sigmas[s] + " must be positive");
        }
        coef[s] = (float) (-1 / (2 * sigmas[s] * sigmas[s]));
      }
      double[][] out = new double[k][n];
      try (TFloat32 coefTensor = Tensors.floats(coef, k)) {
        for (int start = 0; start < n; start += pointBatch) {
          int rows = Math.min(pointBatch, n - start);
          double[][] lse = new double[k][rows];
          for (double[] row : lse) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
          }
          try (TFloat32 batch = Tensors.floats(centred(values, start, rows), rows, dim)) {
            for (TFloat32 c : chunks) {
              try (Result r = session.runner()
                  .feed(points, batch).feed(chunk, c).feed(coefficients, coefTensor)
                  .fetch(blockLse).run()) {
                float[] block = Tensors.toFloats(r.get(0));
                for (int s = 0; s < k; s++) {
                  for (int j = 0; j < rows; j++) {
                    lse[s][j] = logAddExp(lse[s][j], block[s * rows + j]);
                  }
                }
              }
            }
          }
          for (int s = 0; s < k; s++) {
            // logmeanexp = logsumexp - log N; then the Gaussian normaliser d log(sigma sqrt(2 pi)).
            double norm = Math.log(nSamples) + dim * Math.log(sigmas[s] * Math.sqrt(2 * Math.PI));
            for (int j = 0; j < rows; j++) {
              out[s][start + j] = lse[s][j] - norm;
            }
          }
        }
      }
      return out;
    }

    @Override
    public void close() {
      chunks.forEach(TFloat32::close);
      session.close();
      graph.close();
    }
  }

  /** log(e^a + e^b) in double, exact when either is -infinity. */
  static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double m = Math.max(a, b);
    return m + Math.log1p(Math.exp(-Math.abs(a - b)));
  }
}
