package org.jgan.training.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jgan.training.ModelSpec;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;
import org.jgan.training.Trainer;

/**
 * Exporting a generator in one call, as {@code jgan export} does: a SavedModel in the next
 * numbered version folder of a model folder ({@code MODEL_DIR/1/}, {@code 2/}, ...), with the
 * {@value ModelMetadata#FILE} that {@code jgan sample --model} and {@code jgan eval --model} read.
 * Any objective and {@link org.jgan.graphs.models.Architecture} exports, the user's own included.
 */
public final class GeneratorExport {
  private GeneratorExport() {}

  /**
   * Exports the generator of {@code trainer} with its current weights.
   *
   * @return the version folder written
   */
  public static Path fromTrainer(Trainer trainer, TrainedOn trainedOn, Path modelDir) throws IOException {
    try (RestoredGenerator generator = RestoredGenerator.fromTrainer(trainer, trainedOn)) {
      return generator.export(modelDir);
    }
  }

  /**
   * Exports the generator of {@code spec} from the newest checkpoint in {@code checkpointDir}
   * that restores (a run folder's {@code checkpoints/}), each damaged one passed over reported to
   * {@code skipped}.
   *
   * @return the version folder written
   */
  public static Path fromCheckpoints(ModelSpec spec, TrainedOn trainedOn, Path checkpointDir, Path modelDir,
      Consumer<String> skipped) throws IOException {
    try (RestoredGenerator generator = RestoredGenerator.fromCheckpoints(spec, trainedOn, checkpointDir,
        RestoredGenerator.EXPORT_THREADS, skipped)) {
      return generator.export(modelDir);
    }
  }

  /**
   * Exports the generator of the run in {@code runDir} (a {@code jgan train --out} folder: its
   * {@code config.json} and newest checkpoint that restores), exactly as {@code jgan export} does.
   *
   * @return the version folder written
   */
  public static Path fromRunFolder(Path runDir, Path modelDir, Consumer<String> skipped) throws IOException {
    RunConfig config = RunConfig.read(RunConfig.in(runDir));
    return fromCheckpoints(RunModel.spec(config), trainedOn(config), runDir.resolve("checkpoints"), modelDir, skipped);
  }

  /** What the run of {@code config} trained on, as its exported model records it. */
  public static TrainedOn trainedOn(RunConfig config) {
    return TrainedOn.named(config.dataset(), RunModel.pixelRange(config));
  }
}
