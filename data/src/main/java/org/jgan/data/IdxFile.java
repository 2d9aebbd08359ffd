package org.jgan.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An IDX file (the MNIST container format): unsigned-byte elements and their dimensions.
 *
 * <p>Reads raw or gzip-compressed files (detected from the content, not the name) and checks the
 * magic number, element type, dimensions and data length; every error names the file.
 */
public record IdxFile(Path source, int[] dims, byte[] data) {
  private static final int UNSIGNED_BYTE = 0x08;

  /** Number of elements per record: the product of every dimension after the first. */
  public int recordSize() {
    int size = 1;
    for (int i = 1; i < dims.length; i++) {
      size *= dims[i];
    }
    return size;
  }

  /** Number of records: the first dimension. */
  public int count() {
    return dims[0];
  }

  /** The element at flat index {@code i} as an int in [0, 255]. */
  public int unsigned(int i) {
    return data[i] & 0xff;
  }

  /** Reads and validates an IDX file of unsigned bytes. */
  public static IdxFile read(Path file) {
    byte[] bytes = decompressedBytes(file);
    if (bytes.length < 4) {
      throw new DataException(file + ": not an IDX file: only " + bytes.length + " bytes, the header needs 4");
    }
    if (bytes[0] != 0 || bytes[1] != 0) {
      throw new DataException(String.format(
          "%s: bad IDX magic number 0x%02x%02x%02x%02x (must start with two zero bytes)",
          file, bytes[0], bytes[1], bytes[2], bytes[3]));
    }
    int type = bytes[2] & 0xff;
    if (type != UNSIGNED_BYTE) {
      throw new DataException(String.format(
          "%s: IDX element type 0x%02x is not supported (only unsigned byte, 0x08)", file, type));
    }
    int rank = bytes[3] & 0xff;
    if (rank == 0) {
      throw new DataException(file + ": IDX header declares 0 dimensions");
    }
    int headerLength = 4 + 4 * rank;
    if (bytes.length < headerLength) {
      throw new DataException(file + ": truncated IDX header: " + rank + " dimensions need "
          + headerLength + " bytes, the file has " + bytes.length);
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 4, 4 * rank);
    int[] dims = new int[rank];
    long expected = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = header.getInt();
      if (dims[i] <= 0) {
        throw new DataException(file + ": IDX dimension " + i + " is " + dims[i] + ", must be positive");
      }
      expected *= dims[i];
    }
    long actual = bytes.length - headerLength;
    if (actual != expected) {
      throw new DataException(file + ": IDX dimensions " + Arrays.toString(dims) + " need " + expected
          + " data bytes but the file has " + actual + (actual < expected ? " (truncated)" : " (trailing bytes)"));
    }
    return new IdxFile(file, dims, Arrays.copyOfRange(bytes, headerLength, bytes.length));
  }

  private static byte[] decompressedBytes(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": file not found");
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
    boolean gzip = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
    if (!gzip) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(new java.io.ByteArrayInputStream(raw)))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
      in.transferTo(out);
      return out.toByteArray();
    } catch (EOFException e) {
      throw new DataException(file + ": truncated gzip stream (the file ends early)", e);
    } catch (ZipException e) {
      throw new DataException(file + ": corrupt gzip data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot decompress: " + e.getMessage(), e);
    }
  }
}
