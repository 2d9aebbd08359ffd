package org.jgan.training.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.graphs.AtomicFiles;
import org.jgan.graphs.ModelVersions;
import org.jgan.losses.NoisePrior;
import org.jgan.training.JganVersion;
import org.jgan.training.ModelSpec;

/**
 * What an exported model is, saved as {@code jgan.json} beside {@code saved_model.pb}: how to
 * draw its z, what its output means and where it came from.
 *
 * @param format always {@value #FORMAT}
 * @param jganVersion the jgan version that exported it
 * @param objective the training objective
 * @param dataset the training dataset
 * @param model the architecture
 * @param trainingStep the generator iterations of the exported checkpoint
 * @param zDim the dimension of z
 * @param zDistribution {@code normal} (N(0, I)), {@code uniform} (U[-1, 1]^d) or {@code uniform-unit-variance} (U(-sqrt 3, sqrt 3)^d)
 * @param exampleShape the shape of one output example
 * @param outputRange {@code [0, 1]} for images; {@code unbounded} for raw 2-D points
 * @param signatures the signatures and what they take and give
 * @param emaDecay the decay of the generator weights' moving average the model holds instead of the raw
 *     weights ({@code --ema}), or 0 for the raw weights (files written before this field read as 0)
 */
public record ModelMetadata(String format, String jganVersion, String objective, String dataset, String model,
    long trainingStep, int zDim, String zDistribution, int[] exampleShape, String outputRange, String signatures,
    float emaDecay) {
  public static final String FORMAT = "jgan-savedmodel-1";
  public static final String FILE = "jgan.json";
  public static final String UNIT_RANGE = "[0, 1]";
  public static final String UNBOUNDED = "unbounded";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  /**
   * What the generator of {@code spec}, trained on {@code trainedOn} for {@code step} iterations,
   * is once exported by this jgan; {@code discrete} for generators with a {@code samples} output.
   */
  public static ModelMetadata describe(ModelSpec spec, TrainedOn trainedOn, long step, boolean discrete) {
    NoisePrior prior = spec.prior();
    return new ModelMetadata(FORMAT, JganVersion.VERSION, spec.objective().name(), trainedOn.dataset(),
        spec.architecture().name(), step, prior.dimension(), prior.kind().id(), spec.exampleShape().clone(),
        trainedOn.points() ? UNBOUNDED : UNIT_RANGE,
        "serving_default: z float32 [-1, zDim] -> images; generate: count int32 [], seed int64 [] -> images"
            + " (z drawn in the graph with stateless key [seed, 0])"
            + (discrete ? "; discrete: images are probabilities and samples a draw from them"
                + " (0/1 per pixel or one-hot per position; key [0, 1], or [seed, 1] for generate)" : ""),
        spec.emaDecay());
  }

  /** True when the outputs are images in [0, 1] rather than raw points. */
  public boolean images() {
    return UNIT_RANGE.equals(outputRange);
  }

  /** Writes this as {@code dir/jgan.json}, atomically. */
  public void write(Path dir) throws IOException {
    org.jgan.graphs.JsonFiles.write(dir.resolve(FILE), this);
  }

  /**
   * Reads the {@code jgan.json} of the model {@code dir} means ({@link ModelVersions#resolve}: a
   * model folder, a version folder or the base folder of numbered versions, whose newest is read);
   * fails with one line naming the file when it is missing, empty or incomplete.
   */
  public static ModelMetadata read(Path dir) throws IOException {
    Path file = ModelVersions.resolve(dir).resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " not found: is this a model exported by jgan export?");
    }
    ModelMetadata metadata;
    try {
      metadata = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelMetadata.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not valid model metadata: " + AtomicFiles.reason(e));
    }
    String problem = metadata == null ? "the file is empty" : metadata.problem();
    if (problem != null) {
      throw new IllegalArgumentException(file + ": not valid model metadata: " + problem);
    }
    return metadata;
  }

  /** What makes this unusable for sampling, or null. */
  private String problem() {
    if (!FORMAT.equals(format)) {
      return "format is " + (format == null ? "missing" : "'" + format + "'") + ", expected '" + FORMAT + "'";
    }
    if (dataset == null || outputRange == null) {
      return "'" + (dataset == null ? "dataset" : "outputRange") + "' is missing";
    }
    if (exampleShape == null || exampleShape.length == 0 || java.util.Arrays.stream(exampleShape).anyMatch(d -> d < 1)) {
      return "'exampleShape' is missing or not a list of positive sizes";
    }
    return null;
  }
}
