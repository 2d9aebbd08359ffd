package org.jgan.tools.bench;

import java.util.SplittableRandom;
import org.jgan.data.BatchSource;
import org.jgan.data.Seeds;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.optim.Adam;
import org.jgan.losses.Gan;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Hyperparameter;
import org.jgan.losses.ObjectiveType;
import org.jgan.losses.Objectives;
import org.jgan.losses.WganGp;
import org.jgan.training.ModelSpec;
import org.jgan.training.TrainingSettings;
import org.jgan.tools.run.Memory;
import org.jgan.tools.run.TrainingMemory;

/**
 * The benchmarks' reference DCGAN-28 step: one critic and one generator update on a batch of
 * synthetic 28x28 images, Adam(1e-4, 0.5, 0.9) for both networks (WGAN keeps its RMSProp).
 */
public final class ReferenceStep {
  public static final int[] IMAGE_SHAPE = {28, 28, 1};
  static final int Z_DIM = 100;
  /** The objectives {@link PlainDcganStep} also builds without jgan classes. */
  static final java.util.List<String> PLAIN_OBJECTIVES = java.util.List.of("gan", "wgan-gp");
  static final float LEARNING_RATE = 1e-4f;
  static final float BETA1 = 0.5f;
  static final float BETA2 = 0.9f;
  static final float GP_WEIGHT = 10f;

  private ReferenceStep() {}

  /** The DCGAN-28 model of the step for {@code objective} at {@code batch}. */
  public static ModelSpec model(String objective, int batch) {
    return new ModelSpec(objective(objective), new Dcgan28(), IMAGE_SHAPE.clone(), Activation.tanh(),
        NoisePrior.normal(Z_DIM), batch, TrainingSettings.SEED);
  }

  /**
   * Refuses a batch whose step would not fit in this machine's memory, naming {@code --batch}.
   *
   * @throws IllegalArgumentException with the estimate
   */
  public static void requireFits(String objective, int batch) {
    // Only the batch varies here; a default of 1 makes it the flag named when the run cannot fit.
    TrainingMemory.require(objective, "dcgan28", IMAGE_SHAPE, new TrainingMemory.Settings(batch, Z_DIM, 0, 0, 1),
        new TrainingMemory.Settings(1, Z_DIM, 0, 0, 1), Memory.machineBytes());
  }

  /** The step's objective: one critic update per step. */
  private static Objective objective(String name) {
    ObjectiveType type = Objectives.type(name);
    if (type == Gan.MINIMAX_TYPE || type == Gan.NON_SATURATING_TYPE) {
      return new Gan(type == Gan.MINIMAX_TYPE ? Gan.GeneratorLoss.MINIMAX : Gan.GeneratorLoss.NON_SATURATING, 1,
          adam(), adam());
    }
    if (type == WganGp.TYPE) {
      return new WganGp(GP_WEIGHT, 1, adam(), adam());
    }
    // WGAN keeps its RMSProp: Adam is what the paper warns against for weight clipping.
    Integer oneCriticStep = type.takes(Hyperparameter.CRITIC_STEPS) ? 1 : null;
    return type.create(new ObjectiveOptions(oneCriticStep, null, false, null, null));
  }

  private static Adam adam() {
    return new Adam(LEARNING_RATE, BETA1, BETA2);
  }

  /** Uniform noise in [-1, 1] shaped like {@code shape}, deterministic per batch index. */
  public static BatchSource syntheticImages(int batch, int[] shape) {
    return BatchSource.of(batch, shape, (index, destination) -> {
      SplittableRandom random = new SplittableRandom(Seeds.derive(TrainingSettings.SEED, index));
      for (int i = 0; i < destination.length; i++) {
        destination[i] = (float) (2 * random.nextDouble() - 1);
      }
    });
  }
}
