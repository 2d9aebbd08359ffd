package org.jgan.data;

import java.util.SplittableRandom;

/** Binarised images (for discrete generators): a fixed threshold, or Bernoulli sampling with a seed. */
public final class BinaryImages {
  private BinaryImages() {}

  /** 1 where the [0, 1] pixel exceeds {@code threshold} (0.5 is the usual choice), else 0. */
  public static Dataset threshold(Dataset unitImages, double threshold) {
    float[] values = unitImages.values().clone();
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] > threshold ? 1f : 0f;
    }
    return new Dataset(unitImages.name() + "-binary", unitImages.exampleShape(), values, unitImages.labels());
  }

  /** Each pixel 1 with probability equal to its [0, 1] intensity, drawn from a stream seeded by {@code seed}. */
  public static Dataset sample(Dataset unitImages, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = unitImages.values().clone();
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < values[i] ? 1f : 0f;
    }
    return new Dataset(unitImages.name() + "-bernoulli", unitImages.exampleShape(), values, unitImages.labels());
  }
}
