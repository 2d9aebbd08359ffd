package org.jgan.graphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/** Writing a session's graph and variables as a TensorFlow SavedModel that TF Serving can load. */
public final class SavedModels {
  /** The tag servers look a model up by. */
  public static final String SERVE_TAG = "serve";
  /** The method name of a predict signature; TF Serving rejects an empty one. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";
  /** The file that makes a folder a SavedModel. */
  public static final String SAVED_MODEL_FILE = "saved_model.pb";

  private SavedModels() {}

  /** A predict signature called {@code key} mapping the named inputs to the named outputs (in map order). */
  public static Signature predict(String key, Map<String, ? extends Operand<?>> inputs,
      Map<String, ? extends Operand<?>> outputs) {
    Signature.Builder builder = Signature.builder().key(key).methodName(PREDICT_METHOD);
    inputs.forEach(builder::input);
    outputs.forEach(builder::output);
    return builder.build();
  }

  /** Files written into a model folder beside the SavedModel, before the folder is moved into place. */
  @FunctionalInterface
  public interface FolderContents {
    /** Writes the files into {@code folder}, the model folder under construction. */
    void writeInto(Path folder) throws IOException;
  }

  /** {@link #export(Session, Path, FolderContents, Signature...)} with nothing beside the SavedModel. */
  public static void export(Session session, Path dir, Signature... signatures) throws IOException {
    export(session, dir, folder -> { }, signatures);
  }

  /**
   * Exports the whole graph of {@code session} with its current variable values into {@code dir},
   * tagged {@value #SERVE_TAG}, with the files {@code beside} writes. The whole folder is written
   * beside {@code dir} and moved into place only when complete, so a failed export (a full disk,
   * say) leaves no model folder at all; {@code dir} must not exist or be empty. A failure names
   * {@code dir}.
   */
  public static void export(Session session, Path dir, FolderContents beside, Signature... signatures)
      throws IOException {
    Path target = dir.toAbsolutePath();
    if (Files.exists(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " is not empty; choose a new folder for the model");
        }
      }
      Files.delete(target);
    }
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = writeComplete(session, target.getParent(), target.getFileName().toString(), beside, signatures);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw AtomicFiles.failure("cannot export model", dir, e);
    } finally {
      if (temp != null) {
        CheckpointStore.deleteTree(temp);
      }
    }
  }

  /**
   * Exports like {@link #export(Session, Path, FolderContents, Signature...)} into the next
   * numbered version folder of {@code baseDir}, the layout TensorFlow Serving loads
   * ({@code baseDir/1/saved_model.pb}, then {@code 2/}, ...): one more than the highest numbered
   * folder there. The version is written in a temporary folder inside {@code baseDir} and renamed
   * to its number only when complete; a concurrent export that took the number first makes the
   * rename fail, and this one takes the next number. {@code baseDir} is created if needed; it is
   * refused when it is not a folder or holds a SavedModel directly (an unversioned model).
   *
   * @return the version folder written
   */
  public static Path exportVersion(Session session, Path baseDir, FolderContents beside, Signature... signatures)
      throws IOException {
    Path base = baseDir.toAbsolutePath();
    if (Files.exists(base) && !Files.isDirectory(base)) {
      throw new IllegalArgumentException(baseDir + " is not a folder; choose a folder for the model's versions");
    }
    if (Files.exists(base.resolve(SAVED_MODEL_FILE))) {
      throw new IllegalArgumentException(baseDir + " holds a model directly (" + SAVED_MODEL_FILE
          + "), not numbered version folders; choose a new folder for the model");
    }
    Path temp = null;
    try {
      Files.createDirectories(base);
      temp = writeComplete(session, base, "version", beside, signatures);
      for (int attempt = 0; ; attempt++) {
        Path version = base.resolve(Long.toString(ModelVersions.highest(base).orElse(0) + 1));
        try {
          // rename(2) of a folder fails onto a non-empty folder: two exports never share a number.
          Files.move(temp, version, StandardCopyOption.ATOMIC_MOVE);
          return baseDir.resolve(version.getFileName());
        } catch (IOException e) {
          if (!Files.exists(version) || attempt >= 100) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw AtomicFiles.failure("cannot export model", baseDir, e);
    } finally {
      if (temp != null) {
        CheckpointStore.deleteTree(temp);
      }
    }
  }

  /** Writes the SavedModel and the files beside it into a new temporary folder inside {@code parent}. */
  private static Path writeComplete(Session session, Path parent, String name, FolderContents beside,
      Signature... signatures) throws IOException {
    Path temp = Files.createTempDirectory(parent, ".partial-" + name + "-");
    try {
      try {
        SavedModelBundle.exporter(temp.toString()).withTags(SERVE_TAG).withSession(session)
            .withSignatures(signatures).export();
      } catch (RuntimeException e) {
        // TensorFlow's error on a failed write, as the IOException it is.
        throw new IOException(AtomicFiles.reason(e), e);
      }
      beside.writeInto(temp);
      readableByAll(temp);
      return temp;
    } catch (IOException | RuntimeException e) {
      CheckpointStore.deleteTree(temp);
      throw e;
    }
  }

  /** A temporary folder is private to its owner; a model folder is for servers to read. */
  private static void readableByAll(Path folder) throws IOException {
    if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
