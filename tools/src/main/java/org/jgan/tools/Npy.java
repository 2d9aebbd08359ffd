package org.jgan.tools;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes float32 arrays as NumPy {@code .npy} files (format version 1.0, little-endian, C order). */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** The header (magic, version, length, dictionary) is padded to a multiple of this many bytes. */
  private static final int ALIGN = 64;

  private Npy() {}

  /** The header of a float32 array of {@code shape}, padded with spaces and ending in a newline. */
  static byte[] header(long... shape) {
    String dims = shape.length == 1 ? shape[0] + ","
        : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
    int prefix = MAGIC.length + 2 + 2;
    int total = ((prefix + dict.length() + 1 + ALIGN - 1) / ALIGN) * ALIGN;
    String padded = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";
    ByteBuffer header = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length());
    header.put(padded.getBytes(StandardCharsets.US_ASCII));
    return header.array();
  }

  /** Writes {@code values} (row-major) as an array of {@code shape} to {@code file}, atomically. */
  public static void write(Path file, float[] values, long... shape) throws IOException {
    long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (size != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".array", ".npy");
    ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(values);
    try (OutputStream out = new DataOutputStream(Files.newOutputStream(temp))) {
      out.write(header(shape));
      out.write(data.array());
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
