package org.jgan.eval.metric;

import java.util.SplittableRandom;
import org.jgan.data.Seeds;

/**
 * Binary data's generated samples as they are evaluated: one 0/1 draw from each pixel's Bernoulli
 * probability, which is what a discrete generator's {@code generate} head gives. The metrics then
 * compare binary samples with the binary test images, as BGAN's discrete-MNIST table does; scoring
 * the probabilities themselves would compare grey images with binary ones, and would favour a
 * generator trained on its probabilities (WGAN-GP relaxed) over one trained on its draws (BGAN).
 */
public final class BernoulliDraws {
  private BernoulliDraws() {}

  /** x_i = 1 with probability {@code probabilities[i]}, else 0; the same {@code seed} gives the same draws. */
  public static float[] draw(float[] probabilities, long seed) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "bernoulli-draws"));
    float[] drawn = new float[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      drawn[i] = random.nextDouble() < probabilities[i] ? 1f : 0f;
    }
    return drawn;
  }
}
