package org.jgan.graphs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.tensorflow.Session;

/**
 * Checkpoints of every variable in a session (network weights and optimiser slots) plus a small
 * trainer state, in {@code <dir>/step-<N>/}.
 *
 * <p>Writes are atomic: a checkpoint is built in a temporary folder, its state file is written and
 * synced last, and the folder is renamed into place in one step; the {@code latest} pointer is
 * replaced the same way. A crash at any moment leaves the previous checkpoint as the latest valid
 * one, and {@link #latest()} skips anything incomplete.
 */
public final class CheckpointStore {
  private static final String STATE_FILE = "state.properties";
  private static final String MODEL_PREFIX = "model";
  private static final String LATEST = "latest";
  private static final String PREFIX = "step-";

  private final Path directory;
  private final int keep;

  /** A store in {@code directory} that keeps the {@code keep} most recent checkpoints. */
  public CheckpointStore(Path directory, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("must keep at least one checkpoint, got " + keep);
    }
    this.directory = directory;
    this.keep = keep;
  }

  /** A saved checkpoint: its step, folder and trainer state. */
  public record Checkpoint(long step, Path folder, Properties state) {
    /** The prefix {@link Session#restore} takes. */
    public String modelPrefix() {
      return folder.resolve(MODEL_PREFIX).toString();
    }
  }

  /** Saves every variable of {@code session} and {@code state} as the checkpoint for {@code step}. */
  public Checkpoint save(Session session, long step, Properties state) throws IOException {
    Files.createDirectories(directory);
    Path temp = Files.createTempDirectory(directory, ".partial-" + PREFIX + step + "-");
    session.save(temp.resolve(MODEL_PREFIX).toString());
    Properties stored = new Properties();
    stored.putAll(state);
    stored.setProperty("step", Long.toString(step));
    try (OutputStream out = Files.newOutputStream(temp.resolve(STATE_FILE))) {
      stored.store(out, "jgan checkpoint state");
    }
    syncTree(temp);
    Path target = directory.resolve(folderName(step));
    if (Files.exists(target)) {
      deleteTree(target);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    writeAtomically(directory.resolve(LATEST), folderName(step));
    prune();
    return new Checkpoint(step, target, stored);
  }

  /** The most recent complete checkpoint, if any. */
  public Optional<Checkpoint> latest() throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    Path pointer = directory.resolve(LATEST);
    if (Files.exists(pointer)) {
      Optional<Checkpoint> pointed = read(directory.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim()));
      if (pointed.isPresent()) {
        return pointed;
      }
    }
    List<Checkpoint> all = complete();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Restores every variable saved in {@code checkpoint} into {@code session}. */
  public static void restore(Session session, Checkpoint checkpoint) {
    session.restore(checkpoint.modelPrefix());
  }

  /** All complete checkpoints, oldest first. */
  public List<Checkpoint> complete() throws IOException {
    List<Checkpoint> result = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return result;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*")) {
      for (Path entry : entries) {
        read(entry).ifPresent(result::add);
      }
    }
    result.sort(Comparator.comparingLong(Checkpoint::step));
    return result;
  }

  private static Optional<Checkpoint> read(Path folder) throws IOException {
    Path stateFile = folder.resolve(STATE_FILE);
    if (!Files.isRegularFile(stateFile) || !Files.isRegularFile(folder.resolve(MODEL_PREFIX + ".index"))) {
      return Optional.empty();
    }
    Properties state = new Properties();
    try (Reader in = Files.newBufferedReader(stateFile, StandardCharsets.ISO_8859_1)) {
      state.load(in);
    }
    String step = state.getProperty("step");
    if (step == null) {
      return Optional.empty();
    }
    return Optional.of(new Checkpoint(Long.parseLong(step), folder, state));
  }

  private void prune() throws IOException {
    List<Checkpoint> all = complete();
    for (int i = 0; i < all.size() - keep; i++) {
      deleteTree(all.get(i).folder());
    }
    try (DirectoryStream<Path> partial = Files.newDirectoryStream(directory, ".partial-*")) {
      for (Path p : partial) {
        deleteTree(p);
      }
    }
  }

  private static String folderName(long step) {
    return String.format("%s%010d", PREFIX, step);
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void syncTree(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        try (FileChannel channel = FileChannel.open(f, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
    }
  }

  /**
   * Deletes {@code root} and everything under it; nothing when it does not exist. Public because
   * SavedModel export and the command line's throw-away runs clear folders the same way.
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
