package org.jgan.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jgan.data.NamedDatasets;

/**
 * A set of samples to evaluate, row-major [count, example shape...]: images in [0, 1] (NHWC) or
 * raw 2-D points.
 */
record EvalSamples(float[] values, int count, int[] exampleShape, String dataset, String source) {
  /** How stored pixel values map to [0, 1]. */
  enum Range {
    /** Already in [0, 1]. */
    UNIT,
    /** In [-1, 1] (tanh generators). */
    SIGNED,
    /** 8-bit, 0..255. */
    BYTE
  }

  /** From a generator: a run's checkpoint or an exported model. */
  static EvalSamples generated(GeneratedSamples samples, String source) {
    return new EvalSamples(samples.values(), samples.count(), samples.exampleShape(), samples.dataset(), source);
  }

  /**
   * From a .npy file of images (NHWC, or NCHW when {@code channelsFirst}) or of 2-D points.
   *
   * @param range how the stored values map to [0, 1]; null means 8-bit for uint8 files, [0, 1] otherwise
   */
  static EvalSamples fromNpy(Path file, String dataset, boolean channelsFirst, Range range) throws IOException {
    Npy.Array array = Npy.read(file);
    long[] s = array.shape();
    int[] expected = NamedDatasets.exampleShape(dataset);
    boolean toy = NamedDatasets.isToy(dataset);
    if (toy ? s.length != 2 || s[1] != 2 : s.length != 4) {
      throw new IllegalArgumentException(file + ": shape " + java.util.Arrays.toString(s) + " is not "
          + (toy ? "[N, 2] points" : "[N, H, W, C] or [N, C, H, W] images") + " for dataset " + dataset);
    }
    float[] values = array.values();
    int count = (int) s[0];
    if (!toy) {
      int[] shape = channelsFirst ? new int[] {(int) s[2], (int) s[3], (int) s[1]} : new int[] {(int) s[1], (int) s[2], (int) s[3]};
      if (!java.util.Arrays.equals(shape, expected)) {
        throw new IllegalArgumentException(file + ": images of shape " + java.util.Arrays.toString(shape) + " (HWC), "
            + dataset + " has " + java.util.Arrays.toString(expected) + (channelsFirst ? "" : "; pass --layout nchw if channels come first"));
      }
      if (channelsFirst) {
        values = toChannelsLast(values, count, shape[2], shape[0], shape[1]);
      }
      Range r = range != null ? range : array.dtype().endsWith("u1") ? Range.BYTE : Range.UNIT;
      values = toUnit(values, r);
    }
    return new EvalSamples(values, count, expected, dataset, file.toString());
  }

  /** From a folder of PNG images (grey or colour, sorted by name), scaled to [0, 1]. */
  static EvalSamples fromPngFolder(Path folder, String dataset) throws IOException {
    int[] shape = NamedDatasets.exampleShape(dataset);
    if (NamedDatasets.isToy(dataset)) {
      throw new IllegalArgumentException("--png-dir holds images; dataset " + dataset + " is 2-D points");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png")).sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(folder + ": folder not found");
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(folder + ": no .png files");
    }
    int size = shape[0] * shape[1] * shape[2];
    float[] values = new float[files.size() * size];
    for (int n = 0; n < files.size(); n++) {
      BufferedImage image = ImageIO.read(files.get(n).toFile());
      if (image == null || image.getHeight() != shape[0] || image.getWidth() != shape[1]) {
        throw new IllegalArgumentException(files.get(n) + ": not a " + shape[0] + "x" + shape[1] + " PNG image");
      }
      // Grey PNGs are read from the raster: getRGB would pass their levels through a colour-space conversion.
      boolean grey = image.getRaster().getNumBands() == 1;
      for (int y = 0; y < shape[0]; y++) {
        for (int x = 0; x < shape[1]; x++) {
          if (grey) {
            float level = image.getRaster().getSample(x, y, 0) / 255f;
            for (int c = 0; c < shape[2]; c++) {
              values[n * size + (y * shape[1] + x) * shape[2] + c] = level;
            }
            continue;
          }
          int rgb = image.getRGB(x, y);
          int base = n * size + (y * shape[1] + x) * shape[2];
          if (shape[2] == 1) {
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            values[base] = (r + g + b) / (3f * 255f);
          } else {
            values[base] = ((rgb >> 16) & 0xff) / 255f;
            values[base + 1] = ((rgb >> 8) & 0xff) / 255f;
            values[base + 2] = (rgb & 0xff) / 255f;
          }
        }
      }
    }
    return new EvalSamples(values, files.size(), shape, dataset, folder.toString());
  }

  /** The first {@code n} samples. */
  EvalSamples first(int n) {
    if (n >= count) {
      return this;
    }
    int size = values.length / count;
    return new EvalSamples(java.util.Arrays.copyOf(values, n * size), n, exampleShape, dataset, source);
  }

  private static float[] toChannelsLast(float[] v, int n, int c, int h, int w) {
    float[] out = new float[v.length];
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            out[((i * h + y) * w + x) * c + ch] = v[((i * c + ch) * h + y) * w + x];
          }
        }
      }
    }
    return out;
  }

  private static float[] toUnit(float[] v, Range range) {
    float[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (range) {
        case UNIT -> out[i];
        case SIGNED -> (out[i] + 1f) / 2f;
        case BYTE -> out[i] / 255f;
      };
    }
    return out;
  }
}
