package org.jgan.tools.bench;

import java.nio.file.Path;
import java.util.List;
import org.jgan.data.BatchSource;
import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelRange;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objectives;
import org.jgan.training.ModelSpec;
import org.jgan.training.RunModel;
import org.jgan.training.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The models the iteration-level bench lines train: {@code toy8}, WGAN-GP on 8 Gaussians as
 * {@code jgan train --objective wgan-gp --dataset toy8} builds it, and {@code mnist}, WGAN-GP on
 * DCGAN-28 (n_critic 5) over the MNIST training set.
 */
public final class BenchModels {
  /** The models' names, as {@code --models} takes them. */
  public static final List<String> NAMES = List.of("toy8", "mnist");

  private BenchModels() {}

  /** Refuses, as a usage error of {@code commandLine} naming {@code --models}, a name not in {@link #NAMES}. */
  public static void checkNames(CommandLine commandLine, List<String> names) {
    for (String name : names) {
      if (!NAMES.contains(name)) {
        throw new ParameterException(commandLine, "--models: unknown model '" + name + "' (known: "
            + String.join(", ", NAMES) + ")");
      }
    }
  }

  /** The model {@code name} at {@code batch}. */
  public static ModelSpec spec(String name, int batch) {
    return switch (name) {
      case "toy8" -> RunModel.spec(TrainingSettings.of("wgan-gp", "toy8").batchSize(batch).resolve());
      case "mnist" -> new ModelSpec(Objectives.named("wgan-gp"), new Dcgan28(), new int[] {28, 28, 1}, Activation.tanh(),
          NoisePrior.normal(100), batch, TrainingSettings.SEED);
      default -> throw new IllegalArgumentException("unknown bench model '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    };
  }

  /** The model {@code name}'s training batches; MNIST is read from {@code dataDir}. */
  public static BatchSource batches(String name, int batch, Path dataDir) {
    return switch (name) {
      case "toy8" -> ToyDistribution.EIGHT_GAUSSIANS.batches(batch, TrainingSettings.SEED);
      case "mnist" -> NamedDatasets.trainingBatches("mnist", dataDir, batch, TrainingSettings.SEED, PixelRange.MINUS_ONE_ONE);
      default -> throw new IllegalArgumentException("unknown bench model '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    };
  }

  /** The line's label of model {@code name}. */
  public static String label(String name) {
    return name.equals("mnist") ? "mnist-wgan-gp-dcgan28" : "toy8-wgan-gp";
  }
}
