package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.evaluation.Npy;
import org.jgan.tools.evaluation.PngFile;

/** {@code jgan eval} on files it cannot score: one line naming the file and what is wrong, exit code 2. */
class EvalInputErrorsTest {
  @TempDir
  Path dir;

  /** Runs eval on {@code source} and checks the error contract; returns the one error line. */
  private static String refused(Path named, String... source) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("eval", "--dataset", "mnist", "--metrics", "parzen"));
    args.addAll(java.util.List.of(source));
    CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals(1, outcome.errorLines().size(), outcome.err());
    String line = outcome.errorLines().get(0);
    assertTrue(line.startsWith("jgan eval: error: " + named + ": "), line);
    return line;
  }

  @Test
  void unscoreableNpyFilesAreRefused() throws Exception {
    float[] values = new float[4 * 784];
    Arrays.fill(values, 0.5f);
    values[2 * 784 + 3] = Float.NaN;
    Path nan = dir.resolve("nan.npy");
    Npy.write(nan, values, 4, 28, 28, 1);
    assertTrue(refused(nan, "--npy", nan.toString()).contains("value NaN at flat index " + (2 * 784 + 3)));

    Arrays.fill(values, 200f);
    Path bytes = dir.resolve("bytes-as-unit.npy");
    Npy.write(bytes, values, 4, 28, 28, 1);
    assertTrue(refused(bytes, "--npy", bytes.toString()).contains("value 200.0 at flat index 0"));
    assertTrue(refused(bytes, "--npy", bytes.toString(), "--range", "signed").contains("signed [-1, 1]"));

    Path empty = dir.resolve("empty.npy");
    Npy.write(empty, new float[0], 0, 28, 28, 1);
    assertTrue(refused(empty, "--npy", empty.toString()).contains("0 samples"));
  }

  @Test
  void malformedNpyHeadersAreRefused() throws Exception {
    Path source = dir.resolve("ok.npy");
    Npy.write(source, new float[2 * 784], 2, 28, 28, 1);
    byte[] good = Files.readAllBytes(source);

    byte[] hugeHeader = Arrays.copyOf(good, good.length + 2);
    ByteBuffer.wrap(hugeHeader).order(ByteOrder.LITTLE_ENDIAN).put(6, (byte) 2).putInt(8, 0xFFFFFFF0);
    Path huge = dir.resolve("huge-header.npy");
    Files.write(huge, hugeHeader);
    assertTrue(refused(huge, "--npy", huge.toString()).contains("truncated .npy header"));

    int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getShort(8));
    String header = new String(good, 10, headerLength, StandardCharsets.ISO_8859_1).replace("(2, 28, 28, 1)", "(n, 28, 28, 1)");
    byte[] badShape = good.clone();
    System.arraycopy(header.getBytes(StandardCharsets.ISO_8859_1), 0, badShape, 10, headerLength);
    Path shape = dir.resolve("bad-shape.npy");
    Files.write(shape, badShape);
    assertTrue(refused(shape, "--npy", shape.toString()).contains("(n, 28, 28, 1)"));
  }

  @Test
  void truncatedOverLargeAndCorruptPngsAreRefused() throws Exception {
    Path truncatedDir = pngFolder("truncated");
    Path cut = truncatedDir.resolve("b.png");
    byte[] whole = Files.readAllBytes(cut);
    Files.write(cut, Arrays.copyOf(whole, whole.length - 20));
    assertTrue(refused(cut, "--png-dir", truncatedDir.toString()).contains("truncated PNG"));

    // A header declaring 100000 x 100000 pixels (10 GB decoded) over a few bytes of data.
    Path bombDir = pngFolder("bomb");
    Path bomb = bombDir.resolve("b.png");
    Files.write(bomb, png(100_000, 100_000, deflate(new byte[1000])));
    String line = refused(bomb, "--png-dir", bombDir.toString());
    assertTrue(line.contains("100000x100000") && line.contains(Long.toString(PngFile.MAX_PIXELS)), line);

    // Sound chunks around image data that is not a zlib stream.
    Path corruptDir = pngFolder("corrupt");
    Path corrupt = corruptDir.resolve("b.png");
    Files.write(corrupt, png(28, 28, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    assertTrue(refused(corrupt, "--png-dir", corruptDir.toString()).contains("corrupt PNG"));

    Path single = Files.createDirectories(dir.resolve("single"));
    ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", single.resolve("a.png").toFile());
    assertTrue(refused(single, "--png-dir", single.toString()).contains("1 sample; evaluation needs at least 2"));
  }

  /** A folder of three sound 28x28 grey PNGs, a.png to c.png. */
  private Path pngFolder(String name) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (String file : new String[] {"a", "b", "c"}) {
      ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", folder.resolve(file + ".png").toFile());
    }
    return folder;
  }

  /** An 8-bit grey PNG of the given header size with {@code idat} as its image data, every CRC right. */
  private static byte[] png(int width, int height, byte[] idat) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).array());
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(typeBytes);
    out.write(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater();
    deflater.setInput(raw);
    deflater.finish();
    byte[] buffer = new byte[raw.length + 64];
    int length = deflater.deflate(buffer);
    deflater.end();
    return Arrays.copyOf(buffer, length);
  }
}
