package org.jgan.graphs;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jgan.graphs.CheckpointStore.Checkpoint;

/**
 * The on-disk layout of a checkpoint store, read defensively: one {@code step-N} folder is
 * inspected for what a restore needs, and the {@code latest} pointer is read, each saying in
 * words what is wrong instead of throwing.
 */
final class CheckpointFolder {
  static final String STATE_FILE = "state.properties";
  static final String MODEL_PREFIX = "model";
  static final String LATEST = "latest";
  static final String PREFIX = "step-";
  static final String STEP_KEY = "step";
  /** Set to {@code true} in the state of an interim checkpoint ({@link CheckpointStore#saveInterim}). */
  static final String INTERIM_KEY = "checkpoint.interim";
  private static final Pattern FOLDER_NAME = Pattern.compile(PREFIX + "[0-9]{1,19}");
  /** A pointer longer than this is not one this store wrote. */
  private static final int MAX_POINTER_BYTES = 256;

  private CheckpointFolder() {}

  /** The folder name of the checkpoint for {@code step}. */
  static String name(long step) {
    return String.format("%s%010d", PREFIX, step);
  }

  /**
   * What was found in one {@code step-*} folder: a complete checkpoint, or the reason it is not one.
   *
   * @param order where the folder sorts among the others: its step, or -1 when it has none
   */
  record Inspection(Path folder, Checkpoint checkpoint, String problem, long order) {}

  /**
   * What the {@code latest} file says.
   *
   * @param folder the checkpoint folder it names, when it names an existing one
   * @param problem why it names none, or null when it does or when there is no pointer
   */
  record Pointer(Optional<Path> folder, String problem) {}

  static Inspection inspect(Path folder) throws IOException {
    long nameStep = stepOfName(folder.getFileName().toString());
    Path stateFile = folder.resolve(STATE_FILE);
    if (!Files.isRegularFile(stateFile)) {
      return broken(folder, "no " + STATE_FILE + " (an incomplete checkpoint)", nameStep);
    }
    if (!Files.isRegularFile(folder.resolve(MODEL_PREFIX + ".index"))) {
      return broken(folder, "no " + MODEL_PREFIX + ".index", nameStep);
    }
    if (!hasDataFile(folder)) {
      return broken(folder, "no " + MODEL_PREFIX + ".data file", nameStep);
    }
    Properties state = new Properties();
    try (Reader in = Files.newBufferedReader(stateFile, StandardCharsets.ISO_8859_1)) {
      state.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return broken(folder, STATE_FILE + " is unreadable (" + AtomicFiles.reason(e) + ")", nameStep);
    }
    String step = state.getProperty(STEP_KEY);
    if (step == null) {
      return broken(folder, STATE_FILE + " has no '" + STEP_KEY + "'", nameStep);
    }
    long parsed;
    try {
      parsed = Long.parseLong(step.trim());
    } catch (NumberFormatException e) {
      return broken(folder, STATE_FILE + ": '" + STEP_KEY + "' is not a number ('" + printable(step) + "')", nameStep);
    }
    return new Inspection(folder, new Checkpoint(parsed, folder, state), null, parsed);
  }

  static Pointer pointer(Path directory) {
    Path file = directory.resolve(LATEST);
    if (!Files.exists(file)) {
      return new Pointer(Optional.empty(), null);
    }
    String name;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > MAX_POINTER_BYTES) {
        return new Pointer(Optional.empty(), "is " + bytes.length + " bytes long, not a checkpoint name");
      }
      name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString().trim();
    } catch (CharacterCodingException e) {
      return new Pointer(Optional.empty(), "is not text");
    } catch (IOException e) {
      return new Pointer(Optional.empty(), "is unreadable (" + AtomicFiles.reason(e) + ")");
    }
    if (!FOLDER_NAME.matcher(name).matches()) {
      return new Pointer(Optional.empty(), "names '" + printable(name) + "', not a checkpoint folder");
    }
    Path folder = directory.resolve(name);
    if (!Files.isDirectory(folder)) {
      return new Pointer(Optional.empty(), "names " + name + ", which does not exist");
    }
    return new Pointer(Optional.of(folder), null);
  }

  private static Inspection broken(Path folder, String problem, long order) {
    return new Inspection(folder, null, problem, order);
  }

  private static boolean hasDataFile(Path folder) throws IOException {
    try (DirectoryStream<Path> data = Files.newDirectoryStream(folder, MODEL_PREFIX + ".data-*")) {
      return data.iterator().hasNext();
    }
  }

  private static long stepOfName(String name) {
    if (!FOLDER_NAME.matcher(name).matches()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code text} cut short and with control characters replaced, fit for a one-line message. */
  private static String printable(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
