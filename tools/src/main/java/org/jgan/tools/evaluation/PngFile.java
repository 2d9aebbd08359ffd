package org.jgan.tools.evaluation;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * A PNG file whose chunk structure is checked before it is decoded. ImageIO alone decodes a file
 * cut off inside its image data as if the missing pixels were black, and allocates whatever size
 * the header declares before reading a pixel; here a truncated or corrupt file, or one declaring
 * more than {@link #MAX_PIXELS}, is refused with an error naming it. Errors are
 * IllegalArgumentExceptions: a bad file is bad input.
 */
public final class PngFile {
  /** The most pixels (width x height) decoded: 4096 x 4096, far above any image jgan scores. */
  public static final long MAX_PIXELS = 4096L * 4096L;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** Length, type and CRC around each chunk's data. */
  private static final int CHUNK_OVERHEAD = 12;
  private static final int IHDR_LENGTH = 13;

  private final Path file;
  private final byte[] bytes;
  private final int width;
  private final int height;

  private PngFile(Path file, byte[] bytes, int width, int height) {
    this.file = file;
    this.bytes = bytes;
    this.width = width;
    this.height = height;
  }

  /** Reads {@code file} and checks its signature, every chunk's length and CRC, the header and the end chunk. */
  static PngFile open(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found");
    }
    if (bytes.length < SIGNATURE.length || !Arrays.equals(Arrays.copyOf(bytes, SIGNATURE.length), SIGNATURE)) {
      throw new IllegalArgumentException(file + ": not a PNG file (bad signature)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int position = SIGNATURE.length;
    int width = -1;
    int height = -1;
    while (true) {
      if (bytes.length - position < CHUNK_OVERHEAD) {
        throw new IllegalArgumentException(file + ": truncated PNG: the file ends at byte " + bytes.length
            + " before its IEND chunk");
      }
      long length = Integer.toUnsignedLong(in.getInt(position));
      String type = new String(bytes, position + 4, 4, StandardCharsets.ISO_8859_1);
      if (length > bytes.length - position - CHUNK_OVERHEAD) {
        throw new IllegalArgumentException(file + ": truncated PNG: chunk " + type + " at byte " + position
            + " declares " + length + " data bytes, the file has " + (bytes.length - position - CHUNK_OVERHEAD));
      }
      int dataEnd = position + 8 + (int) length;
      CRC32 crc = new CRC32();
      crc.update(bytes, position + 4, 4 + (int) length);
      if (crc.getValue() != Integer.toUnsignedLong(in.getInt(dataEnd))) {
        throw new IllegalArgumentException(file + ": corrupt PNG: chunk " + type + " at byte " + position
            + " fails its CRC check");
      }
      if (width < 0) {
        if (!type.equals("IHDR") || length != IHDR_LENGTH) {
          throw new IllegalArgumentException(file + ": corrupt PNG: the first chunk is " + type + ", not a 13-byte IHDR");
        }
        width = in.getInt(position + 8);
        height = in.getInt(position + 12);
        checkSize(file, width, height);
      }
      if (type.equals("IEND")) {
        return new PngFile(file, bytes, width, height);
      }
      position = dataEnd + 4;
    }
  }

  private static void checkSize(Path file, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(file + ": corrupt PNG: header declares " + width + "x" + height + " pixels");
    }
    if ((long) width * height > MAX_PIXELS) {
      throw new IllegalArgumentException(file + ": PNG header declares " + width + "x" + height
          + " pixels, more than the limit of " + MAX_PIXELS + " (PngFile.MAX_PIXELS); not decoded");
    }
  }

  /** Width in pixels, from the header. */
  int width() {
    return width;
  }

  /** Height in pixels, from the header. */
  int height() {
    return height;
  }

  /** Decodes the image; a decoder failure (corrupt image data) names the file. */
  BufferedImage decode() {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": corrupt PNG image data (" + e.getMessage() + ")");
    }
    if (image == null) {
      throw new IllegalArgumentException(file + ": PNG that ImageIO cannot decode");
    }
    return image;
  }

  /**
   * The grey level of a single-colour-component image at (x, y) in [0, 1]: the raw sample over
   * its bit depth's maximum (1 for 1-bit, 255 for 8-bit, 65535 for 16-bit images).
   */
  static float greyLevel(Raster raster, int x, int y) {
    int bits = raster.getSampleModel().getSampleSize(0);
    return (float) (raster.getSample(x, y, 0) / (double) ((1L << bits) - 1));
  }
}
