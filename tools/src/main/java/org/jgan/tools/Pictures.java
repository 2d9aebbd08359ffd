package org.jgan.tools;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jgan.graphs.AtomicFiles;

/** PNG pictures of samples: a scatter plot for 2-D points, a grid for images. */
public final class Pictures {
  private Pictures() {}

  /** Real points in grey and samples in blue on a square of half-width {@code extent}. */
  public static void scatter(Path file, float[] real, float[] samples, double extent) throws IOException {
    write(scatterImage(real, samples, extent), file);
  }

  /** The picture {@link #scatter} writes. */
  public static BufferedImage scatterImage(float[] real, float[] samples, double extent) {
    int size = 512;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, size, size);
    g.setColor(new Color(220, 220, 220));
    g.setStroke(new BasicStroke(1));
    g.drawLine(size / 2, 0, size / 2, size);
    g.drawLine(0, size / 2, size, size / 2);
    dots(g, real, size, extent, new Color(150, 150, 150, 120));
    dots(g, samples, size, extent, new Color(30, 90, 200, 140));
    g.dispose();
    return image;
  }

  private static void dots(Graphics2D g, float[] points, int size, double extent, Color color) {
    g.setColor(color);
    for (int i = 0; i + 1 < points.length; i += 2) {
      int x = (int) Math.round((points[i] / extent + 1) * size / 2);
      int y = (int) Math.round((1 - points[i + 1] / extent) * size / 2);
      g.fillOval(x - 2, y - 2, 4, 4);
    }
  }

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
