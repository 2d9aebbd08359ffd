package org.jgan.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one PNG or JPEG file into a square 8-bit image: the largest centred square, resized by
 * area averaging to {@code size} x {@code size}, grey (luma) or RGB. A file is checked before its
 * pixels are decoded: it must end as its format requires (ImageIO decodes a truncated file as if
 * the missing pixels were black) and its header may declare at most {@link #MAX_PIXELS} pixels (so
 * a hostile header cannot make it allocate gigabytes). ImageIO's warnings (a JPEG's premature end)
 * count as errors too. Every problem is an {@link IOException} whose message says what is wrong.
 */
public final class ImageDecoder {
  /** The most pixels (width x height) decoded: 4096 x 4096, far above a CelebA or LSUN image. */
  public static final long MAX_PIXELS = 4096L * 4096L;

  private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
  /** Bytes at the end of a JPEG searched for its end-of-image marker (some writers pad after it). */
  private static final int JPEG_TAIL = 1024;

  private final int size;
  private final int channels;

  /** A decoder to {@code size} x {@code size} x {@code channels} (1: grey, 3: RGB). */
  public ImageDecoder(int size, int channels) {
    if (size < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("image size " + size + " and channels " + channels + ": need size >= 1, 1 or 3 channels");
    }
    this.size = size;
    this.channels = channels;
  }

  /** Bytes in one decoded image. */
  public int imageBytes() {
    return size * size * channels;
  }

  /** The image in {@code file} as {@link #imageBytes()} bytes, height x width x channel order. */
  public byte[] decode(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    checkComplete(bytes);
    BufferedImage image = read(bytes);
    return resize(image);
  }

  private static void checkComplete(byte[] bytes) throws IOException {
    if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
      if (bytes.length < 8 + PNG_END.length
          || !Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - PNG_END.length, bytes.length), PNG_END)) {
        throw new IOException("truncated PNG (no IEND chunk at its end)");
      }
      return;
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
      for (int i = bytes.length - 2; i >= Math.max(2, bytes.length - JPEG_TAIL); i--) {
        if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xd9) {
          return;
        }
      }
      throw new IOException("truncated JPEG (no end-of-image marker)");
    }
    throw new IOException("neither a PNG nor a JPEG file (unknown signature)");
  }

  private static BufferedImage read(byte[] bytes) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no image reader accepts it");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS || pixels <= 0) {
          throw new IOException("header declares " + reader.getWidth(0) + " x " + reader.getHeight(0)
              + " pixels (at most " + MAX_PIXELS + " are decoded)");
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
          throw new IOException("decoder warning: " + warnings.get(0));
        }
        return image;
      } catch (RuntimeException e) {
        // ImageIO's codecs throw unchecked exceptions on some corrupt streams.
        throw new IOException("corrupt image data (" + e + ")", e);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Centre square, then area-averaged resampling: each output pixel averages the source area it covers. */
  private byte[] resize(BufferedImage image) {
    int side = Math.min(image.getWidth(), image.getHeight());
    int x0 = (image.getWidth() - side) / 2;
    int y0 = (image.getHeight() - side) / 2;
    float[][] source = planes(image, x0, y0, side);
    double scale = (double) side / size;
    byte[] out = new byte[imageBytes()];
    for (int oy = 0; oy < size; oy++) {
      for (int ox = 0; ox < size; ox++) {
        for (int c = 0; c < channels; c++) {
          out[(oy * size + ox) * channels + c] = (byte) Math.round(average(source[c], side, ox * scale, oy * scale, scale));
        }
      }
    }
    return out;
  }

  /** The mean of {@code plane} over the square [x, x + extent) x [y, y + extent), partial pixels weighted by cover. */
  private static double average(float[] plane, int side, double x, double y, double extent) {
    double sum = 0;
    double weight = 0;
    for (int sy = (int) y; sy < Math.min(side, Math.ceil(y + extent)); sy++) {
      double wy = Math.min(sy + 1, y + extent) - Math.max(sy, y);
      for (int sx = (int) x; sx < Math.min(side, Math.ceil(x + extent)); sx++) {
        double w = wy * (Math.min(sx + 1, x + extent) - Math.max(sx, x));
        sum += w * plane[sy * side + sx];
        weight += w;
      }
    }
    return Math.min(255, Math.max(0, sum / weight));
  }

  /**
   * The centre square as {@code channels} planes of 0..255 values. Grey images are read from their
   * raster (getRGB would pass them through a colour conversion that changes the values).
   */
  private float[][] planes(BufferedImage image, int x0, int y0, int side) {
    float[][] planes = new float[channels][side * side];
    Raster raster = image.getRaster();
    boolean grey = raster.getNumBands() <= 2 && image.getColorModel().getColorSpace().getNumComponents() == 1;
    double greyScale = 255.0 / ((1 << image.getColorModel().getComponentSize(0)) - 1);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        float r;
        float g;
        float b;
        if (grey) {
          r = g = b = (float) (raster.getSample(x0 + x, y0 + y, 0) * greyScale);
        } else {
          int rgb = image.getRGB(x0 + x, y0 + y);
          r = (rgb >> 16) & 0xff;
          g = (rgb >> 8) & 0xff;
          b = rgb & 0xff;
        }
        int i = y * side + x;
        if (channels == 1) {
          planes[0][i] = 0.299f * r + 0.587f * g + 0.114f * b;
        } else {
          planes[0][i] = r;
          planes[1][i] = g;
          planes[2][i] = b;
        }
      }
    }
    return planes;
  }
}
