package org.jgan.data;

import java.util.SplittableRandom;

/**
 * ColorMNIST (as in the alpha-GAN paper's experiments): each MNIST digit gets a random foreground
 * and background colour, drawn per image from a stream seeded by (seed, image index), so the
 * same seed always gives the same data. Pixels blend background and foreground by the digit's
 * [0, 1] intensity; 3 channels.
 */
public final class ColorMnist {
  private ColorMnist() {}

  /** Colours grey images [N, H, W, 1] in [0, 1] into [N, H, W, 3] in [0, 1]. */
  public static Dataset colour(Dataset grey, long seed) {
    int[] shape = grey.exampleShape();
    if (shape.length != 3 || shape[2] != 1) {
      throw new DataException(grey.name() + ": ColorMNIST needs grey images [H, W, 1]");
    }
    int pixels = shape[0] * shape[1];
    float[] out = new float[grey.size() * pixels * 3];
    for (int n = 0; n < grey.size(); n++) {
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, n));
      float[] background = {(float) random.nextDouble(), (float) random.nextDouble(), (float) random.nextDouble()};
      float[] foreground = {(float) random.nextDouble(), (float) random.nextDouble(), (float) random.nextDouble()};
      for (int p = 0; p < pixels; p++) {
        float a = grey.values()[n * pixels + p];
        for (int c = 0; c < 3; c++) {
          out[(n * pixels + p) * 3 + c] = (1 - a) * background[c] + a * foreground[c];
        }
      }
    }
    return new Dataset(grey.name() + "-color", new int[] {shape[0], shape[1], 3}, out, grey.labels());
  }
}
