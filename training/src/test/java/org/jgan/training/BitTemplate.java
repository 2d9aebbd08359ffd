package org.jgan.training;

import java.util.SplittableRandom;
import org.jgan.data.Dataset;

/**
 * A binary distribution for training tests on discrete data: 16 bits, the first 8 on with
 * probability 0.9 and the rest with 0.1; and how far a generator's per-bit probabilities are from it.
 */
final class BitTemplate {
  static final int BITS = 16;

  private BitTemplate() {}

  /** The probability that {@code bit} is on. */
  static double template(int bit) {
    return bit < BITS / 2 ? 0.9 : 0.1;
  }

  /** 1,024 examples drawn from the template (fixed seed). */
  static Dataset data() {
    SplittableRandom random = new SplittableRandom(5);
    float[] values = new float[1024 * BITS];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < template(i % BITS) ? 1f : 0f;
    }
    return new Dataset("bits", new int[] {BITS}, values, null);
  }

  /** The mean absolute gap between 512 samples of the trainer's per-bit probabilities and the template. */
  static double error(Trainer trainer) {
    float[] p = trainer.sample(512, 1);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      sum += Math.abs(p[i] - template(i % BITS));
    }
    return sum / p.length;
  }
}
