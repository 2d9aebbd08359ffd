package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
  @TempDir
  Path dir;

  /** An IDX header written by hand: magic 00 00 type rank, then big-endian int32 dimensions. */
  private static byte[] idx(int type, int[] dims, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(0);
    out.write(type);
    out.write(dims.length);
    for (int d : dims) {
      out.write((d >>> 24) & 0xff);
      out.write((d >>> 16) & 0xff);
      out.write((d >>> 8) & 0xff);
      out.write(d & 0xff);
    }
    out.writeBytes(data);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(raw);
    }
    return bytes.toByteArray();
  }

  /** 2 records of 2x3 elements, including values above 127 to check unsigned reading. */
  private static final byte[] DATA = {0, 1, 2, 3, (byte) 127, (byte) 128, (byte) 200, (byte) 255, 9, 10, 11, 12};
  private static final int[] DIMS = {2, 2, 3};

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private void assertRead(Path file) {
    IdxFile idx = IdxFile.read(file);
    assertArrayEquals(DIMS, idx.dims());
    assertArrayEquals(DATA, idx.data());
    assertEquals(2, idx.count());
    assertEquals(6, idx.recordSize());
    assertEquals(file, idx.source());
    assertEquals(127, idx.unsigned(4));
    assertEquals(128, idx.unsigned(5));
    assertEquals(200, idx.unsigned(6));
    assertEquals(255, idx.unsigned(7));
    assertEquals(12, idx.unsigned(11));
  }

  @Test
  void readsRawFile() throws IOException {
    assertRead(write("raw-idx3-ubyte", idx(0x08, DIMS, DATA)));
  }

  @Test
  void readsGzipFileDetectedByContentNotName() throws IOException {
    assertRead(write("compressed.gz", gzip(idx(0x08, DIMS, DATA))));
    // The gzip magic decides, not the extension.
    assertRead(write("no-extension", gzip(idx(0x08, DIMS, DATA))));
    assertRead(write("raw-but-named.gz", idx(0x08, DIMS, DATA)));
  }

  @Test
  void readsOneDimensionalLabelsFile() throws IOException {
    byte[] labels = {7, 2, 1, 0, 4};
    IdxFile idx = IdxFile.read(write("labels", idx(0x08, new int[] {5}, labels)));
    assertArrayEquals(new int[] {5}, idx.dims());
    assertEquals(5, idx.count());
    assertEquals(1, idx.recordSize());
    assertArrayEquals(labels, idx.data());
  }

  private DataException assertFails(Path file, String... fragments) {
    DataException e = assertThrows(DataException.class, () -> IdxFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()),
        "message should name the file " + file + ": " + e.getMessage());
    for (String fragment : fragments) {
      assertTrue(e.getMessage().toLowerCase().contains(fragment.toLowerCase()),
          "message should mention '" + fragment + "': " + e.getMessage());
    }
    return e;
  }

  @Test
  void rejectsWrongMagic() throws IOException {
    byte[] bytes = idx(0x08, DIMS, DATA);
    bytes[0] = 0x12;
    assertFails(write("magic0", bytes), "magic");
    bytes = idx(0x08, DIMS, DATA);
    bytes[1] = (byte) 0xff;
    assertFails(write("magic1", bytes), "magic");
  }

  @Test
  void rejectsUnsupportedElementType() throws IOException {
    // 0x0D is float in the IDX format.
    assertFails(write("float", idx(0x0D, DIMS, new byte[48])), "0x0d");
  }

  @Test
  void rejectsTruncatedData() throws IOException {
    byte[] full = idx(0x08, DIMS, DATA);
    assertFails(write("short", Arrays.copyOf(full, full.length - 1)), "truncated");
    // The same truncation inside a valid gzip stream is caught after decompression.
    assertFails(write("short.gz", gzip(Arrays.copyOf(full, full.length - 3))), "truncated");
  }

  @Test
  void rejectsTruncatedHeader() throws IOException {
    byte[] full = idx(0x08, DIMS, DATA);
    assertFails(write("header", Arrays.copyOf(full, 10)), "header");
    assertFails(write("tiny", new byte[] {0, 0}));
  }

  @Test
  void rejectsTrailingBytes() throws IOException {
    byte[] full = idx(0x08, DIMS, DATA);
    assertFails(write("long", Arrays.copyOf(full, full.length + 2)), "trailing");
  }

  @Test
  void rejectsNonPositiveDimension() throws IOException {
    assertFails(write("zero-dim", idx(0x08, new int[] {0, 3}, new byte[0])), "dimension");
  }

  @Test
  void rejectsTruncatedGzipStream() throws IOException {
    byte[] compressed = gzip(idx(0x08, new int[] {64, 64}, new byte[4096]));
    assertFails(write("cut.gz", Arrays.copyOf(compressed, compressed.length / 2)), "gzip");
  }

  @Test
  void rejectsCorruptGzipStream() throws IOException {
    byte[] compressed = gzip(idx(0x08, DIMS, DATA));
    // Keep the gzip magic, break the compression method byte (must be 8 = deflate).
    compressed[2] = 0x05;
    assertFails(write("corrupt.gz", compressed));
  }

  @Test
  void rejectsMissingFile() {
    assertFails(dir.resolve("does-not-exist.gz"), "not found");
  }
}
