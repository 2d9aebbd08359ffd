package org.jgan.losses;

/**
 * An objective whose generator outputs logits of a distribution over discrete values per element
 * (discrete BGAN, WGAN-GP relaxed for discrete data): its samples head gives the probabilities, and
 * a sampled generator also draws from them.
 */
public interface DiscreteGenerator {
  /** How the generator's logits are read: Bernoulli or categorical. */
  DiscreteBgan.Kind kind();
}
