package org.jgan.eval.metric;

import java.util.ArrayList;
import java.util.List;

/** Reshaping of flat classifier outputs and images for the metrics that take rows. */
final class FeatureRows {
  private FeatureRows() {}

  /** {@code flat} as {@code count} rows of equal width. */
  static float[][] rows(float[] flat, int count) {
    int width = flat.length / count;
    float[][] rows = new float[count][width];
    for (int i = 0; i < count; i++) {
      System.arraycopy(flat, i * width, rows[i], 0, width);
    }
    return rows;
  }

  /** {@code count} images in [0, 1] as separate images in [0, 255]. */
  static List<float[]> bytes(float[] unit, int count) {
    int size = unit.length / count;
    List<float[]> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] image = new float[size];
      for (int j = 0; j < size; j++) {
        image[j] = unit[i * size + j] * 255f;
      }
      images.add(image);
    }
    return images;
  }

  /** The index of each row's largest logit. */
  static int[] argmax(float[] logits, int count) {
    int classes = logits.length / count;
    int[] best = new int[count];
    for (int i = 0; i < count; i++) {
      for (int k = 1; k < classes; k++) {
        if (logits[i * classes + k] > logits[i * classes + best[i]]) {
          best[i] = k;
        }
      }
    }
    return best;
  }
}
