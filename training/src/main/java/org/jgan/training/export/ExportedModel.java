package org.jgan.training.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jgan.graphs.AtomicFiles;
import org.jgan.graphs.ModelVersions;
import org.jgan.graphs.SavedModels;
import org.jgan.graphs.Tensors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.types.TFloat32;

/**
 * A model written by {@link GeneratorExport} ({@code jgan export}), loaded with its {@code jgan.json}: the SavedModel folder
 * a user's path means (see {@link ModelVersions#resolve}), and its {@code serving_default}
 * signature called on a given z, checked against the model's z dimension before anything runs.
 */
public final class ExportedModel implements AutoCloseable {
  private final Path folder;
  private final ModelMetadata metadata;
  private final SavedModelBundle bundle;

  private ExportedModel(Path folder, ModelMetadata metadata, SavedModelBundle bundle) {
    this.folder = folder;
    this.metadata = metadata;
    this.bundle = bundle;
  }

  /**
   * Loads the model {@code dir} means: a version folder, a model folder exported before versions,
   * or a base folder of numbered versions, whose newest is loaded.
   *
   * @throws IllegalArgumentException naming the folder or file when it is no model, its
   *     {@code jgan.json} is unusable or its SavedModel does not load
   */
  public static ExportedModel open(Path dir) throws IOException {
    Path folder = ModelVersions.resolve(dir);
    ModelMetadata metadata = ModelMetadata.read(folder);
    try {
      return new ExportedModel(folder, metadata, SavedModelBundle.load(folder.toString(), SavedModels.SERVE_TAG));
    } catch (TensorFlowException e) {
      throw new IllegalArgumentException(folder + ": not a loadable SavedModel (" + AtomicFiles.reason(e) + ")");
    }
  }

  /** The SavedModel folder loaded. */
  public Path folder() {
    return folder;
  }

  /** The model's {@code jgan.json}. */
  public ModelMetadata metadata() {
    return metadata;
  }

  /** The loaded SavedModel, owned by this object: its signatures are named in {@link ServingSignatures}. */
  public SavedModelBundle bundle() {
    return bundle;
  }

  /**
   * The {@code serving_default} outputs ({@code images}, and {@code samples} for discrete
   * generators) for {@code z}, row-major with shape {@code zShape}.
   *
   * @throws IllegalArgumentException naming input {@value ServingSignatures#Z} when {@code zShape} is not
   *     [n, zDim] or does not match the length of {@code z}
   */
  public Map<String, float[]> generate(float[] z, long... zShape) {
    requireZShape(metadata.zDim(), z.length, zShape);
    try (TFloat32 zTensor = Tensors.floats(z, zShape);
        Result result = bundle.function(ServingSignatures.SERVING_KEY).call(Map.of(ServingSignatures.Z, zTensor))) {
      Map<String, float[]> outputs = new java.util.LinkedHashMap<>();
      result.forEach(entry -> outputs.put(entry.getKey(), Tensors.toFloats(entry.getValue())));
      return outputs;
    }
  }

  /**
   * Fails with "input z: expected shape [-1, zDim], got [...]" unless {@code shape} is
   * [n, {@code zDim}] with n * zDim = {@code length}: a mistake named by the signature's input,
   * not by whichever graph node would have failed first.
   */
  static void requireZShape(int zDim, int length, long... shape) {
    boolean matches = shape.length == 2 && shape[0] >= 0 && shape[1] == zDim && shape[0] * zDim == length;
    if (!matches) {
      String got = java.util.Arrays.toString(shape);
      String lengthNote = shape.length == 2 && shape[1] == zDim && shape[0] >= 0
          ? " (but " + length + " values were given)" : "";
      throw new IllegalArgumentException("input " + ServingSignatures.Z + ": expected shape [-1, " + zDim + "], got " + got + lengthNote);
    }
  }

  @Override
  public void close() {
    bundle.close();
  }
}
