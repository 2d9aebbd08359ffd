package org.jgan.graphs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one way jgan writes a JSON file (config.json, metrics.json, eval results, cell records,
 * timing, jgan.json...): pretty-printed with two-space indents, characters such as {@code <} and
 * {@code =} left as they are, NaN and infinities written as such, a final newline, and the whole
 * file written through {@link AtomicFiles}, so a reader never sees half a file.
 */
public final class JsonFiles {
  private static final Gson WITH_NULLS = builder().serializeNulls().create();
  private static final Gson WITHOUT_NULLS = builder().create();

  private JsonFiles() {}

  private static GsonBuilder builder() {
    return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeSpecialFloatingPointValues();
  }

  /** Writes {@code value} to {@code file}, a null field as {@code null}. */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.writeString(file, WITH_NULLS.toJson(value) + "\n");
  }

  /** Writes {@code value} to {@code file}, leaving out every field whose value is null. */
  public static void writeWithoutNulls(Path file, Object value) throws IOException {
    AtomicFiles.writeString(file, WITHOUT_NULLS.toJson(value) + "\n");
  }
}
