package org.jgan.training.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.SavedModels;
import org.jgan.graphs.Sessions;
import org.jgan.training.GeneratorGraph;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * A model's generator alone in a fresh graph, its weights restored from a checkpoint or copied
 * from a {@link Trainer}: what is exported and sampled. Owns its graph and session; close it.
 */
public final class RestoredGenerator implements AutoCloseable {
  /** Checkpoints one export's temporary store keeps: only the trainer's current weights. */
  private static final int KEEP_ONE = 1;
  /** Threads of a generator that is only written out, never run: one is enough. */
  static final int EXPORT_THREADS = 1;

  private final ModelSpec spec;
  private final TrainedOn trainedOn;
  private final long step;
  private final Graph graph;
  private final GeneratorGraph generator;
  private final Session session;

  private RestoredGenerator(ModelSpec spec, TrainedOn trainedOn, long step, Graph graph, GeneratorGraph generator,
      Session session) {
    this.spec = spec;
    this.trainedOn = trainedOn;
    this.step = step;
    this.graph = graph;
    this.generator = generator;
    this.session = session;
  }

  /**
   * The generator of {@code spec} restored from the newest checkpoint in {@code checkpointDir}
   * that restores (a run folder's {@code checkpoints/}), each damaged one passed over reported to
   * {@code skipped} as one line; {@code threads} intra-op threads.
   *
   * @throws IllegalArgumentException naming the folder when it holds no checkpoint
   */
  public static RestoredGenerator fromCheckpoints(ModelSpec spec, TrainedOn trainedOn, Path checkpointDir,
      int threads, Consumer<String> skipped) throws IOException {
    return fromCheckpoints(spec, trainedOn, checkpointDir, OptionalLong.empty(), threads, skipped);
  }

  /**
   * As {@link #fromCheckpoints(ModelSpec, TrainedOn, Path, int, Consumer)}, or, when {@code step}
   * is present, from the complete checkpoint of that step alone.
   *
   * @throws IllegalArgumentException naming the folder and the steps it holds when none is of {@code step}
   */
  public static RestoredGenerator fromCheckpoints(ModelSpec spec, TrainedOn trainedOn, Path checkpointDir,
      OptionalLong step, int threads, Consumer<String> skipped) throws IOException {
    // keep is only read when saving; restoring never deletes.
    CheckpointStore store = new CheckpointStore(checkpointDir, Integer.MAX_VALUE);
    Graph graph = new Graph();
    try {
      GeneratorGraph generator = GeneratorGraph.build(graph, spec, trainedOn.mapsToUnitRange());
      Session session = Sessions.open(graph, threads);
      try {
        CheckpointStore.Checkpoint checkpoint = step.isPresent() ? store.restoreStep(session, step.getAsLong())
            : store.restoreNewest(session, c -> { }, skipped)
                .orElseThrow(() -> new IllegalArgumentException(checkpointDir + " holds no checkpoint"));
        return new RestoredGenerator(spec, trainedOn, checkpoint.step(), graph, generator, session);
      } catch (IOException | RuntimeException e) {
        session.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * The generator of {@code trainer} with its current weights, at its current iteration, in a
   * one-thread session (enough to export it; sample from the trainer itself): the
   * trainer's variables pass through a temporary checkpoint (restored by name into the
   * generator-only graph), deleted afterwards.
   *
   * @throws org.jgan.training.NonFiniteTrainingException when the trainer's weights are not all finite
   */
  public static RestoredGenerator fromTrainer(Trainer trainer, TrainedOn trainedOn) throws IOException {
    Path temp = Files.createTempDirectory("jgan-export-");
    try {
      trainer.save(new CheckpointStore(temp, KEEP_ONE));
      return fromCheckpoints(trainer.spec(), trainedOn, temp, EXPORT_THREADS, line -> { });
    } finally {
      CheckpointStore.deleteTree(temp);
    }
  }

  /** The model whose generator this is. */
  public ModelSpec spec() {
    return spec;
  }

  /** What the generator was trained on. */
  public TrainedOn trainedOn() {
    return trainedOn;
  }

  /** The generator iterations of the restored weights. */
  public long step() {
    return step;
  }

  /** The generator-only graph's inputs and heads. */
  public GeneratorGraph graph() {
    return generator;
  }

  /** The session holding the restored weights. */
  public Session session() {
    return session;
  }

  /**
   * Writes the generator as a SavedModel (tag {@value SavedModels#SERVE_TAG}, signatures
   * {@link ServingSignatures#SERVING_KEY} and {@link ServingSignatures#GENERATE_KEY}) into the next
   * numbered version folder of {@code modelDir} (TensorFlow Serving's layout: {@code modelDir/1/},
   * {@code 2/}, ...), with {@value ModelMetadata#FILE} beside it; the version folder appears only
   * when both are complete.
   *
   * @return the version folder written
   */
  public Path export(Path modelDir) throws IOException {
    Map<String, Operand<?>> servingOutputs = new LinkedHashMap<>();
    servingOutputs.put(ServingSignatures.IMAGES, generator.images());
    Map<String, Operand<?>> generateOutputs = new LinkedHashMap<>();
    generateOutputs.put(ServingSignatures.IMAGES, generator.generated());
    if (discrete()) {
      // Discrete generators: "images" holds the probabilities, "samples" a draw from them.
      servingOutputs.put(ServingSignatures.SAMPLES, generator.samples());
      generateOutputs.put(ServingSignatures.SAMPLES, generator.generatedSamples());
    }
    Signature serving = SavedModels.predict(ServingSignatures.SERVING_KEY,
        Map.of(ServingSignatures.Z, generator.z()), servingOutputs);
    Map<String, Operand<?>> generateInputs = new LinkedHashMap<>();
    generateInputs.put(ServingSignatures.COUNT, generator.count());
    generateInputs.put(ServingSignatures.SEED, generator.seed());
    Signature generate = SavedModels.predict(ServingSignatures.GENERATE_KEY, generateInputs, generateOutputs);
    ModelMetadata metadata = ModelMetadata.describe(spec, trainedOn, step, discrete());
    return SavedModels.exportVersion(session, modelDir, metadata::write, serving, generate);
  }

  private boolean discrete() {
    return generator.samples() != null;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
