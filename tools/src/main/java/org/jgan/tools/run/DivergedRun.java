package org.jgan.tools.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jgan.graphs.JsonFiles;
import org.jgan.training.NonFiniteTrainingException;

/**
 * A run folder's record that its training diverged ({@value #FILE}): where, in which phase and
 * quantity, and the one-line message {@code jgan train} printed. A sweep reads it to tell a run
 * that diverged, an outcome its table reports, from one that failed; a run that trains again
 * (resumed) starts by removing it.
 *
 * @param step the generator iteration, counted from 1, during which a value became non-finite
 * @param phase the phase whose scalar or network it was
 * @param quantity the scalar's name ({@code "loss"}, ...) or {@code "weights"}
 * @param message what {@code jgan train} printed, with the checkpoint it kept
 */
public record DivergedRun(long step, String phase, String quantity, String message) {
  public static final String FILE = "diverged.json";

  static DivergedRun of(NonFiniteTrainingException e) {
    return new DivergedRun(e.step(), e.phase(), e.quantity(), e.getMessage());
  }

  /** Writes the record into {@code runDir} (atomically). */
  void write(Path runDir) throws IOException {
    JsonFiles.write(runDir.resolve(FILE), this);
  }

  /** Removes {@code runDir}'s record, if any: the run is about to train again. */
  public static void clear(Path runDir) throws IOException {
    Files.deleteIfExists(runDir.resolve(FILE));
  }

  /** {@code runDir}'s record, or empty when its training has not diverged since it last started. */
  public static Optional<DivergedRun> read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(fromJson(JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject(),
        file.toString()));
  }

  /** The record as JSON, as a sweep's result file carries it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("step", step);
    json.addProperty("phase", phase);
    json.addProperty("quantity", quantity);
    json.addProperty("message", message);
    return json;
  }

  /** The record in {@code json}; {@code where} names its file in an error. */
  public static DivergedRun fromJson(JsonObject json, String where) {
    for (String field : new String[] {"step", "phase", "quantity", "message"}) {
      if (!json.has(field)) {
        throw new IllegalArgumentException(where + ": diverged record lacks '" + field + "'");
      }
    }
    return new DivergedRun(json.get("step").getAsLong(), json.get("phase").getAsString(),
        json.get("quantity").getAsString(), json.get("message").getAsString());
  }
}
