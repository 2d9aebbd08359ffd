package org.jgan.graphs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file writes that either complete or leave the previous file as it was: the content goes
 * into a temporary sibling, is synced to disk and renamed over the target in one step. A failure is
 * an {@link IOException} naming the target, because a write on a full disk otherwise says only
 * "No space left on device".
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Produces a file's bytes. */
  @FunctionalInterface
  public interface Body {
    /** Writes the content to {@code out}; the caller closes it. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes what {@code body} produces to {@code file}, creating its parent folders. */
  public static void write(Path file, Body body) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = createSibling(target);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (IOException e) {
      throw failure("cannot write", target, e);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Writes {@code text} to {@code file} as UTF-8. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes {@code lines} to {@code file} as UTF-8, each ended by a newline. */
  public static void writeLines(Path file, List<String> lines) throws IOException {
    write(file, out -> {
      for (String line : lines) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    });
  }

  /**
   * An exception saying "{@code action} {@code path}: reason", with {@code cause} attached: the
   * path a failed write was for, whatever file the underlying call was on.
   */
  public static IOException failure(String action, Path path, Exception cause) {
    return new IOException(action + " " + path + ": " + reason(cause), cause);
  }

  /** The one-line reason of {@code e}, without the file name a file-system exception starts with. */
  public static String reason(Exception e) {
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).trim();
  }

  /**
   * A new empty file beside {@code target} with the default permissions (a JDK temporary file
   * would be private to its owner, and the rename would keep that).
   */
  private static Path createSibling(Path target) throws IOException {
    while (true) {
      Path candidate = target.resolveSibling("." + target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        // Another writer's temporary file: draw another name.
      }
    }
  }
}
