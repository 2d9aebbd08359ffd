package org.jgan.tools.evaluation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jgan.graphs.AtomicFiles;

/**
 * NumPy {@code .npy} files: writes float32 arrays (format 1.0, little-endian, C order); reads
 * float32, float64 and uint8 arrays in C order (formats 1.0 to 3.0).
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** The header (magic, version, length, dictionary) is padded to a multiple of this many bytes. */
  private static final int ALIGN = 64;

  private Npy() {}

  /** The header of a float32 array of {@code shape}, padded with spaces and ending in a newline. */
  public static byte[] header(long... shape) {
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

  /** An array read from a file: its values as floats (uint8 kept as 0..255) and its shape. */
  public record Array(float[] values, long[] shape, String dtype) {}

  /** Reads {@code file}; errors name the file and what is wrong with it. */
  public static Array read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found");
    }
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException(file + ": not a .npy file (bad magic)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[6];
    if (major < 1 || major > 3) {
      throw new IllegalArgumentException(file + ": .npy format version " + major + "." + bytes[7]
          + " is not supported (1.0 to 3.0)");
    }
    in.position(8);
    // Version 1 stores the header length in 2 bytes, later versions in 4 (unsigned: it may exceed 2^31).
    long headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : Integer.toUnsignedLong(in.getInt());
    if (headerLength > bytes.length - in.position()) {
      throw new IllegalArgumentException(file + ": truncated .npy header: it declares " + headerLength
          + " bytes, the file has " + (bytes.length - in.position()) + " after the preamble");
    }
    int dataStart = in.position() + (int) headerLength;
    String dict = new String(bytes, in.position(), (int) headerLength, StandardCharsets.ISO_8859_1);
    String descr = field(file, dict, "descr").replace("'", "").trim();
    if (field(file, dict, "fortran_order").trim().equals("True")) {
      throw new IllegalArgumentException(file + ": Fortran-order arrays are not supported (save with C order)");
    }
    long[] shape = shape(file, field(file, dict, "shape"));
    long count = elements(file, shape);
    int width = switch (descr) {
      case "<f4" -> 4;
      case "<f8" -> 8;
      case "|u1", "<u1" -> 1;
      default -> throw new IllegalArgumentException(file + ": dtype '" + descr + "' is not supported (float32, float64, uint8)");
    };
    if (bytes.length - dataStart != count * width) {
      throw new IllegalArgumentException(file + ": shape " + Arrays.toString(shape) + " of " + descr + " needs "
          + count * width + " data bytes, the file has " + (bytes.length - dataStart));
    }
    in.position(dataStart);
    float[] values = new float[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (width) {
        case 4 -> in.getFloat();
        case 8 -> (float) in.getDouble();
        default -> in.get() & 0xff;
      };
    }
    return new Array(values, shape, descr);
  }

  /** The dimensions of a shape tuple such as {@code (2, 3)}, {@code (4,)} or {@code ()}. */
  private static long[] shape(Path file, String tuple) {
    String dims = tuple.replaceAll("[()\\s]", "");
    if (dims.isEmpty()) {
      return new long[0];
    }
    if (!dims.matches("\\d+(,\\d+)*,?")) {
      throw new IllegalArgumentException(file + ": .npy shape " + tuple + " is not a tuple of non-negative integers");
    }
    try {
      return Arrays.stream(dims.split(",")).mapToLong(Long::parseLong).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": .npy shape " + tuple + " has a dimension too large to read");
    }
  }

  /** The number of elements of {@code shape}, refused beyond what one Java array holds. */
  private static long elements(Path file, long[] shape) {
    long count = 1;
    for (long d : shape) {
      if (d != 0 && count > Integer.MAX_VALUE / d) {
        throw new IllegalArgumentException(file + ": .npy shape " + Arrays.toString(shape) + " has more than "
            + Integer.MAX_VALUE + " elements");
      }
      count *= d;
    }
    return count;
  }

  private static String field(Path file, String dict, String key) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("'" + key + "'\\s*:\\s*(\\([^)]*\\)|'[^']*'|\\w+)").matcher(dict);
    if (!m.find()) {
      throw new IllegalArgumentException(file + ": .npy header has no '" + key + "'");
    }
    return m.group(1);
  }

  /** Writes {@code values} (row-major) as an array of {@code shape} to {@code file}, atomically; a failure names the file. */
  public static void write(Path file, float[] values, long... shape) throws IOException {
    long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (size != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
    }
    try (NpyWriter writer = NpyWriter.create(file, shape)) {
      writer.append(values);
      writer.commit();
    }
  }
}
