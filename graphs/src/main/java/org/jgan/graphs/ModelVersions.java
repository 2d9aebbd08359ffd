package org.jgan.graphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * TensorFlow Serving's model layout: a base folder holding numbered version folders
 * ({@code MODEL_DIR/1/saved_model.pb}, {@code MODEL_DIR/2/...}), the highest number served.
 * One place decides which SavedModel folder a path given by a user means.
 */
public final class ModelVersions {
  /** A version folder's name: a decimal number, as TensorFlow Serving reads it (an int64). */
  private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

  private ModelVersions() {}

  /** The highest version number among {@code base}'s numbered folders, if any. */
  public static OptionalLong highest(Path base) throws IOException {
    if (!Files.isDirectory(base)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> entries = Files.list(base)) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(name -> VERSION.matcher(name).matches()).mapToLong(Long::parseLong).max();
    }
  }

  /**
   * The SavedModel folder {@code dir} means: {@code dir} itself when it holds
   * {@value SavedModels#SAVED_MODEL_FILE} (a version folder, or a model exported before versions),
   * else its highest numbered version folder, the one TensorFlow Serving would serve.
   *
   * @throws IllegalArgumentException naming {@code dir} when it is neither
   */
  public static Path resolve(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve(SavedModels.SAVED_MODEL_FILE))) {
      return dir;
    }
    OptionalLong newest = highest(dir);
    if (newest.isEmpty()) {
      throw new IllegalArgumentException(dir + (Files.isDirectory(dir) ? " holds neither " + SavedModels.SAVED_MODEL_FILE
          + " nor a numbered version folder: is this a model exported by jgan export?" : " not found"));
    }
    return dir.resolve(Long.toString(newest.getAsLong()));
  }
}
