package org.jgan.training;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.Layer;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.layers.Activation;
import org.jgan.losses.ModelShape;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;
import org.jgan.losses.Role;

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

  /** The same model with another architecture (the same networks initialised differently, say). */
  public ModelSpec withArchitecture(Architecture other) {
    return new ModelSpec(objective, other, exampleShape, outputActivation, prior, batchSize, seed);
  }

  /**
   * The layers of every network the objective trains, by role, as the training graph builds them.
   * Builds no graph, so it is a cheap check that the objective can train the architecture at all:
   * it throws IllegalArgumentException where it cannot (WGAN-GP with a batch-norm critic).
   */
  public Map<Role, List<Layer>> networkLayers() {
    ModelShape shape = new ModelShape(exampleShape, prior.dimension(), outputActivation);
    Map<Role, List<Layer>> layers = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      if (objective.roles().contains(role)) {
        layers.put(role, objective.layersFor(role, architecture, shape));
      }
    }
    return layers;
  }
}
