package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.evaluation.Npy;

/** Reading .npy files as NumPy writes them. */
class NpyReadTest {
  @TempDir
  Path dir;

  /** A version-1.0 file as numpy.save writes it: header padded with spaces to a multiple of 64, then data. */
  private Path numpyFile(String name, String descr, String shape, byte[] data) throws Exception {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = ((10 + dict.length() + 1 + 63) / 64) * 64;
    String padded = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) padded.length()).array());
    out.write(padded.getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    Path file = dir.resolve(name);
    Files.write(file, out.toByteArray());
    return file;
  }

  @Test
  void readsUint8AndFloat64AsNumpyWritesThem() throws Exception {
    Npy.Array bytes = Npy.read(numpyFile("u8.npy", "|u1", "(2, 3)", new byte[] {0, 1, 2, (byte) 200, (byte) 255, 7}));
    assertArrayEquals(new long[] {2, 3}, bytes.shape());
    assertArrayEquals(new float[] {0, 1, 2, 200, 255, 7}, bytes.values());
    ByteBuffer doubles = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-3.5);
    Npy.Array f64 = Npy.read(numpyFile("f64.npy", "<f8", "(2,)", doubles.array()));
    assertArrayEquals(new long[] {2}, f64.shape());
    assertArrayEquals(new float[] {0.25f, -3.5f}, f64.values());
  }

  @Test
  void roundTripsWhatJganWrites() throws Exception {
    float[] values = {1.5f, -2f, 0f, 3.25f, 9f, -0.125f};
    Path file = dir.resolve("f32.npy");
    Npy.write(file, values, 3, 1, 2);
    Npy.Array read = Npy.read(file);
    assertArrayEquals(new long[] {3, 1, 2}, read.shape());
    assertArrayEquals(values, read.values());
    assertEquals("<f4", read.dtype());
  }

  @Test
  void badFilesAreNamed() throws Exception {
    Path text = dir.resolve("not.npy");
    Files.writeString(text, "hello world, not numpy");
    IllegalArgumentException magic = assertThrows(IllegalArgumentException.class, () -> Npy.read(text));
    assertTrue(magic.getMessage().contains(text.toString()) && magic.getMessage().contains("magic"), magic.getMessage());
    Path shortData = numpyFile("short.npy", "<f4", "(4,)", new byte[8]);
    IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class, () -> Npy.read(shortData));
    assertTrue(truncated.getMessage().contains("16 data bytes"), truncated.getMessage());
    Path ints = numpyFile("i8.npy", "<i8", "(1,)", new byte[8]);
    IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class, () -> Npy.read(ints));
    assertTrue(dtype.getMessage().contains("<i8"), dtype.getMessage());
  }

  /** {@code numpyFile}'s bytes with the version set to 2.0 and a 4-byte header length of {@code declared}. */
  private Path version2File(String name, long declared) throws Exception {
    byte[] v1 = Files.readAllBytes(numpyFile(name, "<f4", "(1,)", new byte[4]));
    ByteBuffer out = ByteBuffer.allocate(v1.length + 2).order(ByteOrder.LITTLE_ENDIAN);
    out.put(v1, 0, 6).put((byte) 2).put((byte) 0).putInt((int) declared).put(v1, 10, v1.length - 10);
    Path file = dir.resolve(name);
    Files.write(file, out.array());
    return file;
  }

  @Test
  void headerLengthsBeyondTheFileAreNamedNotCrashed() throws Exception {
    int dictLength = Files.readAllBytes(numpyFile("v1.npy", "<f4", "(1,)", new byte[4])).length - 10 - 4;
    assertArrayEquals(new long[] {1}, Npy.read(version2File("v2.npy", dictLength)).shape(), "a sound 2.0 file reads");
    // 0xFFFFFFF0 is negative as a signed int: it used to reach String's constructor as a count.
    for (long declared : new long[] {0xFFFFFFF0L, 1L << 20}) {
      Path file = version2File("huge-" + declared + ".npy", declared);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(file));
      assertTrue(e.getMessage().startsWith(file + ": truncated .npy header") && e.getMessage().contains(Long.toString(declared)),
          e.getMessage());
    }
  }

  @Test
  void malformedShapesAndVersionsAreNamed() throws Exception {
    for (String shape : new String[] {"(abc, 28)", "(2, -3)", "(2.5,)", "(99999999999999999999,)"}) {
      Path file = numpyFile("shape.npy", "<f4", shape, new byte[0]);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(file), shape);
      assertTrue(e.getMessage().startsWith(file + ": .npy shape " + shape), e.getMessage());
    }
    Path huge = numpyFile("huge.npy", "<f4", "(100000, 100000)", new byte[0]);
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> Npy.read(huge));
    assertTrue(tooMany.getMessage().contains("more than " + Integer.MAX_VALUE + " elements"), tooMany.getMessage());
    byte[] bytes = Files.readAllBytes(numpyFile("v9.npy", "<f4", "(1,)", new byte[4]));
    bytes[6] = 9;
    Path v9 = dir.resolve("v9.npy");
    Files.write(v9, bytes);
    IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> Npy.read(v9));
    assertTrue(version.getMessage().startsWith(v9 + ": .npy format version 9.0"), version.getMessage());
  }
}
