package org.jgan.training;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.Layer;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.SpectralNorm;
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
 * @param emaDecay the decay of the generator weights' moving average ({@link GeneratorEma}) that samples
 *     and exports use; 0 for none, the raw weights
 * @param spectralNorm whether the critics' weight layers (discriminator, code discriminator) are
 *     spectrally normalised ({@link SpectralNorm#applyTo})
 */
public record ModelSpec(Objective objective, Architecture architecture, int[] exampleShape, Activation outputActivation,
    NoisePrior prior, int batchSize, long seed, float emaDecay, boolean spectralNorm) {
  public ModelSpec {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
    }
    if (!(emaDecay >= 0f && emaDecay < 1f)) {
      throw new IllegalArgumentException("EMA decay " + emaDecay + " must be in [0, 1) (0: no average)");
    }
  }

  /** A model with neither a weight average nor spectral normalisation. */
  public ModelSpec(Objective objective, Architecture architecture, int[] exampleShape, Activation outputActivation,
      NoisePrior prior, int batchSize, long seed) {
    this(objective, architecture, exampleShape, outputActivation, prior, batchSize, seed, 0f, false);
  }

  /** The same model with another architecture (the same networks initialised differently, say). */
  public ModelSpec withArchitecture(Architecture other) {
    return new ModelSpec(objective, other, exampleShape, outputActivation, prior, batchSize, seed, emaDecay,
        spectralNorm);
  }

  /** The same model whose samples and exports use the generator weights' moving average with {@code decay} (0: none). */
  public ModelSpec withGeneratorEma(float decay) {
    return new ModelSpec(objective, architecture, exampleShape, outputActivation, prior, batchSize, seed, decay,
        spectralNorm);
  }

  /** The same model with its critics' weight layers spectrally normalised, or not. */
  public ModelSpec withSpectralNorm(boolean on) {
    return new ModelSpec(objective, architecture, exampleShape, outputActivation, prior, batchSize, seed, emaDecay, on);
  }

  /** Whether samples and exports use the generator weights' moving average. */
  public boolean usesEma() {
    return emaDecay > 0f;
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
        List<Layer> roleLayers = objective.layersFor(role, architecture, shape);
        boolean critic = role == Role.DISCRIMINATOR || role == Role.CODE_DISCRIMINATOR;
        layers.put(role, spectralNorm && critic ? SpectralNorm.applyTo(roleLayers) : roleLayers);
      }
    }
    return layers;
  }
}
