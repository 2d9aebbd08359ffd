package org.jgan.training;

import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.layers.Activation;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;

/**
 * Everything that decides a training graph's structure and randomness.
 *
 * @param objective the objective (its phases and schedule)
 * @param architecture generator and discriminator families
 * @param exampleShape shape of one data example
 * @param outputActivation the generator's last activation (identity for 2-D points, tanh for [-1, 1] images)
 * @param prior distribution and dimension of z
 * @param batchSize examples per batch
 * @param seed the run seed every random source derives from
 */
public record ModelSpec(Objective objective, Architecture architecture, int[] exampleShape, Activation outputActivation,
    NoisePrior prior, int batchSize, long seed) {
  public ModelSpec {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
    }
  }
}
