package org.jgan.tools.run;

import org.jgan.training.RunModel;
import org.jgan.training.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.SavedModels;
import org.jgan.graphs.Sessions;
import org.jgan.losses.NoisePrior;
import org.jgan.training.GeneratorGraph;
import org.jgan.training.ModelSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.jgan.tools.Jgan;

/**
 * The generator of a training run, alone in a fresh graph and restored from the run's latest
 * checkpoint: what {@code jgan export} writes and {@code jgan sample --checkpoint} draws from
 * (through {@link SampleStream}).
 */
public final class RunGenerator implements AutoCloseable {
  /** The key of the signature that draws z in the graph. */
  static final String GENERATE_KEY = "generate";

  private final RunConfig config;
  private final long step;
  private final Graph graph;
  private final GeneratorGraph generator;
  private final Session session;

  private RunGenerator(RunConfig config, long step, Graph graph, GeneratorGraph generator, Session session) {
    this.config = config;
    this.step = step;
    this.graph = graph;
    this.generator = generator;
    this.session = session;
  }

  /**
   * Opens the generator of the run in {@code runDir}: its config.json and newest checkpoint that
   * restores, each damaged one passed over reported to {@code skipped} as one line.
   */
  public static RunGenerator open(Path runDir, Consumer<String> skipped) throws IOException {
    RunConfig config = RunConfig.read(runDir.resolve("config.json"));
    CheckpointStore store = new CheckpointStore(runDir.resolve("checkpoints"), TrainingRun.KEEP_CHECKPOINTS);
    ModelSpec spec = RunModel.spec(config);
    Graph graph = new Graph();
    try {
      GeneratorGraph generator = GeneratorGraph.build(graph, spec,
          !NamedDatasets.isToy(config.dataset()) && !TrainingRun.unitPixels(config));
      Session session = Sessions.open(graph, config.threads());
      try {
        CheckpointStore.Checkpoint checkpoint = store.restoreNewest(session, c -> { }, skipped)
            .orElseThrow(() -> new IllegalArgumentException(runDir + " holds no checkpoint"));
        return new RunGenerator(config, checkpoint.step(), graph, generator, session);
      } catch (IOException | RuntimeException e) {
        session.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  public RunConfig config() {
    return config;
  }

  /** The generator iterations of the restored checkpoint. */
  public long step() {
    return step;
  }

  GeneratorGraph graph() {
    return generator;
  }

  Session session() {
    return session;
  }

  /**
   * Writes the generator as a SavedModel into the next numbered version folder of {@code modelDir}
   * (TensorFlow Serving's layout), with {@code jgan.json} beside it; the version folder appears only
   * when both are complete.
   *
   * @return the version folder written
   */
  public Path export(Path modelDir) throws IOException {
    Map<String, org.tensorflow.Operand<?>> servingOutputs = new LinkedHashMap<>();
    servingOutputs.put("images", generator.images());
    Map<String, org.tensorflow.Operand<?>> generateOutputs = new LinkedHashMap<>();
    generateOutputs.put("images", generator.generated());
    if (generator.samples() != null) {
      // Discrete generators: "images" holds the probabilities, "samples" a draw from them.
      servingOutputs.put("samples", generator.samples());
      generateOutputs.put("samples", generator.generatedSamples());
    }
    Signature serving = SavedModels.predict(Signature.DEFAULT_KEY, Map.of("z", generator.z()), servingOutputs);
    Map<String, org.tensorflow.Operand<?>> generateInputs = new LinkedHashMap<>();
    generateInputs.put("count", generator.count());
    generateInputs.put("seed", generator.seed());
    Signature generate = SavedModels.predict(GENERATE_KEY, generateInputs, generateOutputs);
    return SavedModels.exportVersion(session, modelDir, metadata()::write, serving, generate);
  }

  private ModelMetadata metadata() {
    boolean toy = NamedDatasets.isToy(config.dataset());
    NoisePrior prior = RunModel.spec(config).prior();
    return new ModelMetadata(ModelMetadata.FORMAT, Jgan.VERSION, config.objective(), config.dataset(), config.model(),
        step, prior.dimension(), prior.kind().id(), config.exampleShape(),
        toy ? ModelMetadata.UNBOUNDED : ModelMetadata.UNIT_RANGE,
        "serving_default: z float32 [-1, zDim] -> images; generate: count int32 [], seed int64 [] -> images"
            + " (z drawn in the graph with stateless key [seed, 0])"
            + (generator.samples() != null ? "; discrete: images are probabilities and samples a draw from them"
                + " (0/1 per pixel or one-hot per position; key [0, 1], or [seed, 1] for generate)" : ""));
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
