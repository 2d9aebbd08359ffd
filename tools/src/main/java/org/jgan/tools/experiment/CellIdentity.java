package org.jgan.tools.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an experiment cell's result depends on, and whether a cell folder holds a result of the
 * cell's current settings. A cell's folder is named by its grid values and seed only, so the fixed
 * train and eval settings, or the scale, may change under it; the identity catches that: canonical
 * JSON of the train and eval command lines (each option with its value, sorted, so reordering a
 * file's keys changes nothing) and the scale. Its SHA-256, the fingerprint, is written into
 * {@value #STARTED} when the cell starts and into its result when it completes.
 */
public final class CellIdentity {
  /** Written into a cell folder before its training starts: the identity of the run in it. */
  static final String STARTED = "cell.json";
  /** Folders of cells whose settings changed are moved here (under the experiment folder), not deleted. */
  static final String SET_ASIDE = ".stale";
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  /** Where a cell stands against the files in its folder. */
  enum State {
    /** Nothing yet, or an interrupted run of these same settings (which resumes). */
    TO_RUN(null),
    /** A result of these settings: nothing to do. */
    COMPLETE(null),
    /** A result of other settings. */
    RESULT_CHANGED("settings changed since its result, re-running"),
    /** A result written before results recorded their settings' fingerprint. */
    RESULT_UNKNOWN("its result records no settings fingerprint (an older jgan wrote it), re-running"),
    /** An interrupted run of other settings, or of unknown ones. */
    RUN_CHANGED("settings changed since its interrupted run, starting it afresh");

    /** What the console says about a cell in this state, or null when nothing needs saying. */
    final String message;

    State(String message) {
      this.message = message;
    }
  }

  private CellIdentity() {}

  /** The canonical identity of a cell with these command lines at {@code scale} ("full" or "quick"). */
  static String describe(List<String> trainArgs, List<String> evalArgs, String scale) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("scale", scale);
    identity.put("train", sortedOptions(trainArgs));
    identity.put("eval", sortedOptions(evalArgs));
    return GSON.toJson(identity);
  }

  /** The SHA-256 of {@code identity}, in hex. */
  static String fingerprint(String identity) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Where {@code cell} stands against what its folder {@code dir} holds. */
  static State state(Path dir, ExperimentFile.Cell cell) throws IOException {
    Path result = dir.resolve(ExperimentRunner.RESULT);
    if (Files.exists(result)) {
      String recorded = recordedFingerprint(result);
      return recorded == null ? State.RESULT_UNKNOWN
          : recorded.equals(cell.fingerprint()) ? State.COMPLETE : State.RESULT_CHANGED;
    }
    if (!Files.isDirectory(dir) || isEmpty(dir)) {
      return State.TO_RUN;
    }
    Path started = dir.resolve(STARTED);
    return Files.exists(started) && cell.fingerprint().equals(recordedFingerprint(started)) ? State.TO_RUN
        : State.RUN_CHANGED;
  }

  /** The cell folders in the experiment folder {@code out}, those holding a start record, in name order. */
  static List<Path> startedFolders(Path out) throws IOException {
    try (Stream<Path> entries = Files.list(out)) {
      return entries.filter(dir -> Files.isRegularFile(dir.resolve(STARTED))).sorted().toList();
    }
  }

  /** Records, before anything else is written into {@code dir}, which settings the run in it has. */
  static void markStarted(Path dir, ExperimentFile.Cell cell) throws IOException {
    JsonObject record = new JsonObject();
    record.addProperty("cell", cell.id());
    record.addProperty("fingerprint", cell.fingerprint());
    record.add("identity", identityJson(cell));
    org.jgan.graphs.JsonFiles.writeWithoutNulls(dir.resolve(STARTED), record);
  }

  /** Adds the cell's fingerprint and identity to its result. */
  static void record(JsonObject result, ExperimentFile.Cell cell) {
    result.addProperty("fingerprint", cell.fingerprint());
    result.add("identity", identityJson(cell));
  }

  /**
   * Moves the folder {@code dir} of a cell whose settings changed to {@value #SET_ASIDE}/ID.N under
   * {@code out} (N counts earlier ones), so nothing already computed is lost; returns where it went.
   */
  static Path setAside(Path out, Path dir) throws IOException {
    Path root = Files.createDirectories(out.resolve(SET_ASIDE));
    for (int n = 1; ; n++) {
      Path target = root.resolve(dir.getFileName() + "." + n);
      if (!Files.exists(target)) {
        return Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private static JsonElement identityJson(ExperimentFile.Cell cell) {
    return JsonParser.parseString(cell.identity());
  }

  /** The fingerprint a result or start record holds, or null when it holds none. */
  private static String recordedFingerprint(Path file) throws IOException {
    try {
      JsonElement fingerprint = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
          .getAsJsonObject().get("fingerprint");
      return fingerprint == null || !fingerprint.isJsonPrimitive() ? null : fingerprint.getAsString();
    } catch (RuntimeException e) {
      return null; // unreadable: treated like a record of unknown settings
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Options with their values ("--steps 50"), sorted: an option starts at each argument beginning with "--". */
  private static List<String> sortedOptions(List<String> args) {
    List<String> options = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--") || options.isEmpty()) {
        options.add(arg);
      } else {
        options.set(options.size() - 1, options.get(options.size() - 1) + " " + arg);
      }
    }
    options.sort(null);
    return options;
  }
}
