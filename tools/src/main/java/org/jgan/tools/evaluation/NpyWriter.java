package org.jgan.tools.evaluation;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes a float32 {@code .npy} file (format 1.0) piece by piece, so an array larger than memory
 * can be streamed into it. The pieces go into a temporary file beside the target, renamed into
 * place by {@link #commit()} once the shape is full; closing without a commit deletes it, so a
 * failed write never leaves a partial file under the target's name.
 */
public final class NpyWriter implements AutoCloseable {
  private final Path file;
  private final Path temp;
  private final OutputStream out;
  private final long size;
  private long written;
  private boolean committed;

  private NpyWriter(Path file, Path temp, OutputStream out, long size) {
    this.file = file;
    this.temp = temp;
    this.out = out;
    this.size = size;
  }

  /** Starts {@code file}, an array of {@code shape}; its folder is created if missing. */
  public static NpyWriter create(Path file, long... shape) throws IOException {
    Path parent = Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(parent, ".array", ".npy");
    temp.toFile().deleteOnExit(); // a run stopped by a signal leaves no gigabytes of half an array behind
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    try {
      out.write(Npy.header(shape));
    } catch (IOException e) {
      out.close();
      Files.deleteIfExists(temp);
      throw e;
    }
    return new NpyWriter(file, temp, out, Arrays.stream(shape).reduce(1, (a, b) -> a * b));
  }

  /** The size in bytes of a float32 .npy file of {@code shape}. */
  public static long fileSize(long... shape) {
    return Npy.header(shape).length + Float.BYTES * Arrays.stream(shape).reduce(1, (a, b) -> a * b);
  }

  /** Appends {@code values} (the next ones in row-major order). */
  public void append(float[] values) throws IOException {
    if (written + values.length > size) {
      throw new IllegalStateException((written + values.length) + " values overflow the array's " + size);
    }
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    out.write(bytes.array());
    written += values.length;
  }

  /** Moves the finished file into place; fails when fewer values were appended than the shape holds. */
  public void commit() throws IOException {
    if (written != size) {
      throw new IllegalStateException(written + " values do not fill the array's " + size);
    }
    out.close();
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      out.close();
      Files.deleteIfExists(temp);
    }
  }
}
