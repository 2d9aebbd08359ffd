package org.jgan.graphs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jgan.graphs.CheckpointFolder.Inspection;
import org.tensorflow.Session;

/**
 * Checkpoints of every variable in a session (network weights and optimiser slots) plus a small
 * trainer state, in {@code <dir>/step-<N>/}.
 *
 * <p>Writes are atomic: a checkpoint is built in a temporary folder, its state file is written and
 * synced last, and the folder is renamed into place in one step; the {@code latest} pointer is
 * replaced the same way. A crash at any moment leaves the previous checkpoint as the latest valid
 * one, and {@link #latest()} skips anything incomplete. Damage done later (a truncated or
 * overwritten file, a garbled pointer) is survived by {@link #restoreNewest}, which falls back to
 * the newest checkpoint that still restores.
 *
 * <p>A checkpoint is either regular (written on a training schedule's iterations, or at the end) or
 * interim (written between them: by wall-clock time, or where a run was stopped), and each kind is
 * rotated on its own: the store keeps the {@code keep} newest of each. So checkpoints by time, which
 * only limit what a kill without warning costs, never push out the regular ones that {@link
 * #restoreStep} finds by their step.
 */
public final class CheckpointStore {
  private final Path directory;
  private final int keep;

  /** A store in {@code directory} that keeps the {@code keep} most recent checkpoints of each kind. */
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
      return folder.resolve(CheckpointFolder.MODEL_PREFIX).toString();
    }

    /** Whether it was saved by {@link #saveInterim}; checkpoints written before there were two kinds are regular. */
    public boolean interim() {
      return Boolean.parseBoolean(state.getProperty(CheckpointFolder.INTERIM_KEY));
    }
  }

  /**
   * Saves every variable of {@code session} and {@code state} as the regular checkpoint for
   * {@code step}. A failure (a full disk, say) names the checkpoint folder and leaves the previous
   * checkpoints and the {@code latest} pointer as they were.
   */
  public Checkpoint save(Session session, long step, Properties state) throws IOException {
    return save(session, step, state, false);
  }

  /**
   * Saves as {@link #save} does, as an interim checkpoint: rotated among the interim ones only, so it
   * pushes out no regular checkpoint.
   */
  public Checkpoint saveInterim(Session session, long step, Properties state) throws IOException {
    return save(session, step, state, true);
  }

  private Checkpoint save(Session session, long step, Properties state, boolean interim) throws IOException {
    Path target = directory.resolve(CheckpointFolder.name(step));
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempDirectory(directory, ".partial-" + CheckpointFolder.PREFIX + step + "-");
      try {
        session.save(temp.resolve(CheckpointFolder.MODEL_PREFIX).toString());
      } catch (RuntimeException e) {
        // TensorFlow's error on a failed write, as the IOException it is.
        throw new IOException(AtomicFiles.reason(e), e);
      }
      Properties stored = new Properties();
      stored.putAll(state);
      stored.setProperty(CheckpointFolder.STEP_KEY, Long.toString(step));
      if (interim) {
        stored.setProperty(CheckpointFolder.INTERIM_KEY, "true");
      } else {
        stored.remove(CheckpointFolder.INTERIM_KEY);
      }
      try (OutputStream out = Files.newOutputStream(temp.resolve(CheckpointFolder.STATE_FILE))) {
        stored.store(out, "jgan checkpoint state");
      }
      syncTree(temp);
      if (Files.exists(target)) {
        deleteTree(target);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      AtomicFiles.writeString(directory.resolve(CheckpointFolder.LATEST), CheckpointFolder.name(step) + "\n");
      prune();
      return new Checkpoint(step, target, stored);
    } catch (IOException e) {
      throw AtomicFiles.failure("cannot save checkpoint", target, e);
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  /** The checkpoint the {@code latest} pointer names, else the newest complete one, if any. */
  public Optional<Checkpoint> latest() throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    Optional<Path> pointed = CheckpointFolder.pointer(directory).folder();
    if (pointed.isPresent()) {
      Checkpoint checkpoint = CheckpointFolder.inspect(pointed.get()).checkpoint();
      if (checkpoint != null) {
        return Optional.of(checkpoint);
      }
    }
    List<Checkpoint> all = complete();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Restores every variable saved in {@code checkpoint} into {@code session}. */
  public static void restore(Session session, Checkpoint checkpoint) {
    session.restore(checkpoint.modelPrefix());
  }

  /**
   * Restores into {@code session} the newest checkpoint that restores: the one {@code latest}
   * names, else the newest complete one, and older ones in turn when a checkpoint is damaged (a
   * missing, truncated or garbled file, a malformed state) or {@code accept} refuses its state.
   * Once one restores, each checkpoint passed over is reported to {@code skipped} as one line naming
   * it and why; when none does, the exception alone says so.
   *
   * @param accept checks a checkpoint's state before its variables are restored; it throws
   *     {@link IllegalArgumentException} to refuse the checkpoint
   * @return the checkpoint restored; empty when the folder holds no checkpoint at all
   * @throws IllegalArgumentException naming the folder when it holds checkpoints but none restores
   */
  public Optional<Checkpoint> restoreNewest(Session session, Consumer<Checkpoint> accept, Consumer<String> skipped)
      throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    CheckpointFolder.Pointer pointer = CheckpointFolder.pointer(directory);
    List<Path> candidates = new ArrayList<>();
    pointer.folder().ifPresent(candidates::add);
    List<Inspection> found = inspectAll();
    for (int i = found.size() - 1; i >= 0; i--) {
      if (!candidates.contains(found.get(i).folder())) {
        candidates.add(found.get(i).folder());
      }
    }
    if (candidates.isEmpty() && pointer.problem() == null) {
      return Optional.empty();
    }
    // Held back until one restores: when none does, the one-line error says it all.
    List<String> passedOver = new ArrayList<>();
    String firstProblem = null;
    if (pointer.problem() != null) {
      firstProblem = CheckpointFolder.LATEST + " " + pointer.problem();
      passedOver.add(directory.resolve(CheckpointFolder.LATEST) + " " + pointer.problem()
          + "; looking for the newest checkpoint instead");
    }
    for (Path folder : candidates) {
      String problem = tryRestore(session, folder, accept);
      if (problem == null) {
        passedOver.forEach(skipped);
        return Optional.of(CheckpointFolder.inspect(folder).checkpoint());
      }
      passedOver.add("skipped checkpoint " + folder + ": " + problem);
      if (firstProblem == null) {
        firstProblem = "newest " + folder.getFileName() + ": " + problem;
      }
    }
    throw new IllegalArgumentException(directory + ": no checkpoint restores (" + candidates.size() + " tried; "
        + firstProblem + ")");
  }

  /** Why the checkpoint in {@code folder} cannot be restored, or null once it has been. */
  private static String tryRestore(Session session, Path folder, Consumer<Checkpoint> accept) throws IOException {
    Inspection inspection = CheckpointFolder.inspect(folder);
    if (inspection.checkpoint() == null) {
      return inspection.problem();
    }
    try {
      accept.accept(inspection.checkpoint());
    } catch (IllegalArgumentException e) {
      return "its state is refused: " + AtomicFiles.reason(e);
    }
    try {
      restore(session, inspection.checkpoint());
      return null;
    } catch (RuntimeException e) {
      // TensorFlow's own words on a damaged file ("Read less bytes than requested", "Checksum does
      // not match", "file is too short to be an sstable"); a partial restore is overwritten by the
      // next checkpoint tried, which restores every variable.
      return "it does not restore (" + AtomicFiles.reason(e) + ")";
    }
  }

  /**
   * Restores into {@code session} the complete checkpoint of {@code step}.
   *
   * @throws IllegalArgumentException naming the folder and the steps it holds when none is of {@code step}
   */
  public Checkpoint restoreStep(Session session, long step) throws IOException {
    List<Checkpoint> all = complete();
    for (Checkpoint checkpoint : all) {
      if (checkpoint.step() == step) {
        restore(session, checkpoint);
        return checkpoint;
      }
    }
    throw new IllegalArgumentException(directory + " holds no complete checkpoint of step " + step + " ("
        + (all.isEmpty() ? "none at all" : "steps " + String.join(", ", all.stream().map(c -> Long.toString(c.step())).toList()))
        + ")");
  }

  /** All complete checkpoints, oldest first. */
  public List<Checkpoint> complete() throws IOException {
    List<Checkpoint> result = new ArrayList<>();
    for (Inspection inspection : inspectAll()) {
      if (inspection.checkpoint() != null) {
        result.add(inspection.checkpoint());
      }
    }
    return result;
  }

  /** Every {@code step-*} folder, complete or not, oldest first. */
  private List<Inspection> inspectAll() throws IOException {
    List<Inspection> result = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return result;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, CheckpointFolder.PREFIX + "*")) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          result.add(CheckpointFolder.inspect(entry));
        }
      }
    }
    result.sort(Comparator.comparingLong(Inspection::order));
    return result;
  }

  private void prune() throws IOException {
    List<Checkpoint> all = complete();
    for (boolean interim : new boolean[] {false, true}) {
      List<Checkpoint> kind = all.stream().filter(c -> c.interim() == interim).toList();
      for (int i = 0; i < kind.size() - keep; i++) {
        deleteTree(kind.get(i).folder());
      }
    }
    try (DirectoryStream<Path> partial = Files.newDirectoryStream(directory, ".partial-*")) {
      for (Path p : partial) {
        deleteTree(p);
      }
    }
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
