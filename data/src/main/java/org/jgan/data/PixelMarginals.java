package org.jgan.data;

/**
 * Per-pixel statistics of a dataset, for initialising a generator's output layer.
 */
public final class PixelMarginals {
  /** pylearn2 clips the marginals to [1e-7, 1 - 1e-7] before taking their logit. */
  public static final double CLIP = 1e-7;

  private PixelMarginals() {}

  /** The mean of every value position (pixel and channel) over the examples of {@code data}. */
  public static double[] means(Dataset data) {
    int size = data.exampleSize();
    double[] sums = new double[size];
    float[] values = data.values();
    for (int i = 0; i < values.length; i++) {
      sums[i % size] += values[i];
    }
    for (int j = 0; j < size; j++) {
      sums[j] /= data.size();
    }
    return sums;
  }

  /**
   * Biases b with sigmoid(b) equal to each pixel's mean over {@code data} (values in [0, 1]), the
   * means clipped to [1e-7, 1 - 1e-7]: pylearn2's {@code init_sigmoid_bias_from_marginals}, which the
   * GAN paper's MNIST generator used for its sigmoid output layer (goodfeli/adversarial, mnist.yaml),
   * so that training starts from the average image (dark background) rather than grey 0.5.
   */
  public static float[] sigmoidBias(Dataset data) {
    double[] means = means(data);
    float[] bias = new float[means.length];
    for (int j = 0; j < means.length; j++) {
      if (!(means[j] >= 0 && means[j] <= 1)) {
        throw new DataException(data.name() + ": pixel " + j + " has mean " + means[j] + ", outside [0, 1]");
      }
      double p = Math.min(Math.max(means[j], CLIP), 1 - CLIP);
      bias[j] = (float) Math.log(p / (1 - p));
    }
    return bias;
  }
}
