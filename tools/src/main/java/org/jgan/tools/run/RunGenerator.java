package org.jgan.tools.run;

import org.jgan.training.RunModel;
import org.jgan.training.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jgan.data.PixelRange;
import org.jgan.training.GeneratorGraph;
import org.jgan.training.export.GeneratorExport;
import org.jgan.training.export.RestoredGenerator;
import org.jgan.training.export.TrainedOn;
import org.tensorflow.Session;

/**
 * The generator of a training run, alone in a fresh graph and restored from the run's latest
 * checkpoint: what {@code jgan export} writes and {@code jgan sample --checkpoint} draws from
 * (through {@link SampleStream}).
 */
public final class RunGenerator implements AutoCloseable {
  private final RunConfig config;
  private final RestoredGenerator generator;

  private RunGenerator(RunConfig config, RestoredGenerator generator) {
    this.config = config;
    this.generator = generator;
  }

  /**
   * Opens the generator of the run in {@code runDir}: its config.json and newest checkpoint that
   * restores, each damaged one passed over reported to {@code skipped} as one line.
   */
  public static RunGenerator open(Path runDir, Consumer<String> skipped) throws IOException {
    return open(runDir, OptionalLong.empty(), skipped);
  }

  /** As {@link #open(Path, Consumer)}, or, when {@code step} is present, from the checkpoint of that step alone. */
  public static RunGenerator open(Path runDir, OptionalLong step, Consumer<String> skipped) throws IOException {
    RunConfig config = RunConfig.read(RunConfig.in(runDir));
    return new RunGenerator(config, RestoredGenerator.fromCheckpoints(RunModel.spec(config),
        GeneratorExport.trainedOn(config), runDir.resolve(TrainingRun.CHECKPOINTS), step, config.threads(), skipped));
  }

  public RunConfig config() {
    return config;
  }

  /** The generator iterations of the restored checkpoint. */
  public long step() {
    return generator.step();
  }

  GeneratorGraph graph() {
    return generator.graph();
  }

  Session session() {
    return generator.session();
  }

  /**
   * Writes the generator as a SavedModel into the next numbered version folder of {@code modelDir}
   * with {@code jgan.json} beside it (see {@link RestoredGenerator#export}).
   *
   * @return the version folder written
   */
  public Path export(Path modelDir) throws IOException {
    return generator.export(modelDir);
  }

  @Override
  public void close() {
    generator.close();
  }
}
