package org.jgan.tools.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jgan.graphs.AtomicFiles;

/** PNG pictures of image samples: a grid (charts, such as the 2-D scatter plot, are in {@code figures}). */
public final class Pictures {
  private Pictures() {}

  /**
   * A grid of images (row-major [count, height, width, channels], values in [low, high]), as many
   * columns as the square root of the count.
   */
  public static void grid(Path file, float[] images, int count, int height, int width, int channels, float low,
      float high) throws IOException {
    write(gridImage(images, count, height, width, channels, low, high), file);
  }

  /** The picture {@link #grid} writes. */
  public static BufferedImage gridImage(float[] images, int count, int height, int width, int channels, float low,
      float high) {
    int columns = (int) Math.ceil(Math.sqrt(count));
    int rows = (count + columns - 1) / columns;
    int pad = 1;
    BufferedImage image = new BufferedImage(columns * (width + pad) + pad, rows * (height + pad) + pad,
        BufferedImage.TYPE_INT_RGB);
    int per = height * width * channels;
    for (int n = 0; n < count; n++) {
      int ox = pad + (n % columns) * (width + pad);
      int oy = pad + (n / columns) * (height + pad);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int base = n * per + (y * width + x) * channels;
          int r = level(images[base], low, high);
          int gr = channels >= 3 ? level(images[base + 1], low, high) : r;
          int b = channels >= 3 ? level(images[base + 2], low, high) : r;
          image.setRGB(ox + x, oy + y, (r << 16) | (gr << 8) | b);
        }
      }
    }
    return image;
  }

  /** The pixels of {@code image} as row-major RGB bytes, height * width * 3. */
  public static byte[] rgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = image.getRGB(x, y);
        int i = (y * w + x) * 3;
        out[i] = (byte) (p >> 16);
        out[i + 1] = (byte) (p >> 8);
        out[i + 2] = (byte) p;
      }
    }
    return out;
  }

  private static int level(float v, float low, float high) {
    double unit = (v - low) / (high - low);
    return (int) Math.round(Math.max(0, Math.min(1, unit)) * 255);
  }

  /**
   * Writes {@code image} as a PNG to {@code file} through a temporary file, so no half-written
   * picture is left; a failure names the file.
   */
  static void write(BufferedImage image, Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      // Encoded in memory rather than through ImageIO's default cache file in java.io.tmpdir.
      try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
        if (!ImageIO.write(image, "png", png)) {
          throw new IOException("no PNG writer in this Java runtime");
        }
      }
    });
  }
}
