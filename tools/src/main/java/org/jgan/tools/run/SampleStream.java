package org.jgan.tools.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jgan.data.NamedDatasets;
import org.jgan.graphs.Tensors;
import org.jgan.training.GeneratorGraph;
import org.jgan.training.export.ExportedModel;
import org.jgan.training.export.ModelMetadata;
import org.jgan.training.export.ServingSignatures;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A generator's {@code generate} head (z drawn in the graph with key [seed, 0]), from a run's
 * checkpoint or an exported model, drawn in chunks: each session run draws the rows at one offset
 * of the seed's draw (see {@link GeneratorGraph}), so any chunking gives the values one run would,
 * and a large count never needs one huge tensor.
 */
public final class SampleStream implements AutoCloseable {
  /** Receives one chunk of rows, row-major. */
  @FunctionalInterface
  public interface Sink {
    void accept(float[] rows) throws IOException;
  }

  private final String source;
  private final AutoCloseable owner;
  private final Session session;
  private final Output<?> count;
  private final Output<?> seed;
  /** Null for models exported before the generate head took an offset: they draw in one run. */
  private final Output<?> offset;
  private final Output<?> generated;
  private final int[] exampleShape;
  private final String dataset;
  private final boolean images;

  private SampleStream(String source, AutoCloseable owner, Session session, Output<?> count, Output<?> seed,
      Output<?> offset, Output<?> generated, int[] exampleShape, String dataset, boolean images) {
    this.source = source;
    this.owner = owner;
    this.session = session;
    this.count = count;
    this.seed = seed;
    this.offset = offset;
    this.generated = generated;
    this.exampleShape = exampleShape;
    this.dataset = dataset;
    this.images = images;
  }

  /**
   * The generator of the run in {@code runDir}, from its newest checkpoint that restores; each
   * damaged one passed over is reported to {@code skipped} as one line.
   */
  public static SampleStream ofCheckpoint(Path runDir, Consumer<String> skipped) throws IOException {
    return ofCheckpoint(runDir, OptionalLong.empty(), skipped);
  }

  /** As {@link #ofCheckpoint(Path, Consumer)}, or, when {@code step} is present, from the checkpoint of that step alone. */
  public static SampleStream ofCheckpoint(Path runDir, OptionalLong step, Consumer<String> skipped) throws IOException {
    RunGenerator generator = RunGenerator.open(runDir, step, skipped);
    GeneratorGraph g = generator.graph();
    String dataset = generator.config().dataset();
    return new SampleStream(runDir.toString(), generator, generator.session(), g.count().asOutput(),
        g.seed().asOutput(), g.offset().asOutput(), g.generated().asOutput(), generator.config().exampleShape(),
        dataset, !NamedDatasets.isToy(dataset));
  }

  /**
   * The model exported by {@code jgan export} that {@code modelDir} means: a version folder, a model
   * folder exported before versions, or the base folder, whose newest version is read.
   */
  public static SampleStream ofModel(Path modelDir) throws IOException {
    ExportedModel model = ExportedModel.open(modelDir);
    try {
      SavedModelBundle bundle = model.bundle();
      ModelMetadata metadata = model.metadata();
      Signature generate = bundle.function(ServingSignatures.GENERATE_KEY).signature();
      Graph graph = bundle.graph();
      Output<?> offset = graph.operation(GeneratorGraph.OFFSET_NAME) != null
          ? graph.outputOrThrow(GeneratorGraph.OFFSET_NAME) : null;
      return new SampleStream(model.folder().toString(), model, bundle.session(),
          graph.outputOrThrow(generate.getInputs().get(ServingSignatures.COUNT).name),
          graph.outputOrThrow(generate.getInputs().get(ServingSignatures.SEED).name), offset,
          graph.outputOrThrow(generate.getOutputs().get(ServingSignatures.IMAGES).name), metadata.exampleShape(), metadata.dataset(),
          metadata.images());
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The shape of one sample. */
  public int[] exampleShape() {
    return exampleShape.clone();
  }

  /** The dataset the generator was trained on. */
  public String dataset() {
    return dataset;
  }

  /** True for images in [0, 1], false for raw 2-D points. */
  public boolean images() {
    return images;
  }

  /** The values in one sample. */
  public int exampleSize() {
    int size = 1;
    for (int d : exampleShape) {
      size *= d;
    }
    return size;
  }

  /**
   * Draws {@code total} samples for {@code seed}, at most {@code chunk} (a multiple of 4) per session
   * run, handing each chunk to {@code sink} in order.
   */
  public void draw(long total, long seed, int chunk, Sink sink) throws IOException {
    if (chunk < 4 || chunk % 4 != 0) {
      throw new IllegalArgumentException("chunk " + chunk + " must be a positive multiple of 4");
    }
    if (offset == null && total > chunk) {
      throw new IllegalArgumentException(source + " was exported by an older jgan whose generate head cannot draw"
          + " in chunks: export it again (jgan export) to draw more than " + chunk + " samples");
    }
    for (long start = 0; start < total; start += chunk) {
      int n = (int) Math.min(chunk, total - start);
      try (TInt32 countTensor = TInt32.scalarOf(n); TInt64 seedTensor = TInt64.scalarOf(seed);
          TInt64 offsetTensor = TInt64.scalarOf(start)) {
        Session.Runner runner = session.runner().feed(count, countTensor).feed(this.seed, seedTensor);
        if (offset != null) {
          runner.feed(offset, offsetTensor);
        }
        float[] rows;
        try (Result result = runner.fetch(generated).run()) {
          rows = Tensors.toFloats(result.get(0));
        }
        sink.accept(rows);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      owner.close();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
