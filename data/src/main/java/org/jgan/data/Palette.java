package org.jgan.data;

import java.util.Arrays;

/**
 * A K-colour palette for grey images, fitted by 1-D k-means (Lloyd's algorithm from quantile
 * starts) on the pixels of the first training images; images map to the index of their nearest
 * entry, one-hot over K channels, and decode back to grey levels.
 */
public final class Palette {
  /** Default number of colours. */
  public static final int DEFAULT_COLOURS = 16;
  /** Images the palette is fitted on. */
  public static final int FIT_IMAGES = 1000;

  private final float[] levels;

  private Palette(float[] levels) {
    this.levels = levels;
  }

  /** The palette's grey levels, ascending. */
  public float[] levels() {
    return levels.clone();
  }

  /** Fits {@code colours} levels to the pixels of the first {@value #FIT_IMAGES} images of {@code images} ([0, 1] values). */
  public static Palette fit(Dataset images, int colours) {
    if (colours < 2) {
      throw new IllegalArgumentException("a palette needs at least 2 colours, got " + colours);
    }
    int count = Math.min(FIT_IMAGES, images.size()) * images.exampleSize();
    float[] pixels = Arrays.copyOf(images.values(), count);
    float[] sorted = pixels.clone();
    Arrays.sort(sorted);
    double[] centres = new double[colours];
    for (int k = 0; k < colours; k++) {
      centres[k] = sorted[(int) ((k + 0.5) * (sorted.length - 1) / colours)];
    }
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] sum = new double[colours];
      int[] n = new int[colours];
      for (float p : pixels) {
        int k = nearest(centres, p);
        sum[k] += p;
        n[k]++;
      }
      boolean moved = false;
      for (int k = 0; k < colours; k++) {
        if (n[k] > 0) {
          double c = sum[k] / n[k];
          moved |= Math.abs(c - centres[k]) > 1e-7;
          centres[k] = c;
        }
      }
      if (!moved) {
        break;
      }
    }
    Arrays.sort(centres);
    float[] levels = new float[colours];
    for (int k = 0; k < colours; k++) {
      levels[k] = (float) centres[k];
    }
    return new Palette(levels);
  }

  /** Grey images [N, H, W, 1] to one-hot palette indices [N, H, W, K]. */
  public Dataset encode(Dataset images) {
    int k = levels.length;
    int[] shape = images.exampleShape();
    float[] out = new float[images.values().length * k];
    double[] centres = new double[k];
    for (int i = 0; i < k; i++) {
      centres[i] = levels[i];
    }
    for (int i = 0; i < images.values().length; i++) {
      out[i * k + nearest(centres, images.values()[i])] = 1f;
    }
    return new Dataset(images.name() + "-palette" + k, new int[] {shape[0], shape[1], k}, out, images.labels());
  }

  /**
   * Batches of {@code grey} images one-hot encoded on the fly: the encoded training set would take
   * K times the memory of the grey one (2.5 GB for MNIST at K = 16).
   */
  public BatchSource encodedBatches(BatchSource grey) {
    int k = levels.length;
    double[] centres = new double[k];
    for (int i = 0; i < k; i++) {
      centres[i] = levels[i];
    }
    int[] greyShape = grey.exampleShape();
    float[] buffer = new float[grey.batchSize() * grey.exampleSize()];
    return new BatchSource() {
      @Override
      public int batchSize() {
        return grey.batchSize();
      }

      @Override
      public int[] exampleShape() {
        return new int[] {greyShape[0], greyShape[1], k};
      }

      @Override
      public void fill(long index, float[] destination) {
        grey.fill(index, buffer);
        java.util.Arrays.fill(destination, 0f);
        for (int i = 0; i < buffer.length; i++) {
          destination[i * k + nearest(centres, buffer[i])] = 1f;
        }
      }
    };
  }

  /** One-hot vectors or probabilities [count, H, W, K] back to grey images [count, H, W, 1] (arg-max per pixel). */
  public float[] decode(float[] encoded) {
    int k = levels.length;
    float[] grey = new float[encoded.length / k];
    for (int i = 0; i < grey.length; i++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (encoded[i * k + j] > encoded[i * k + best]) {
          best = j;
        }
      }
      grey[i] = levels[best];
    }
    return grey;
  }

  private static int nearest(double[] centres, double value) {
    int best = 0;
    for (int k = 1; k < centres.length; k++) {
      if (Math.abs(value - centres[k]) < Math.abs(value - centres[best])) {
        best = k;
      }
    }
    return best;
  }
}
