package org.jgan.tools.evaluation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jgan.data.NamedDatasets;
import org.jgan.eval.SampleValues;
import org.jgan.eval.metric.GeneratorSamples;
import org.jgan.eval.metric.PixelScale;
import org.jgan.eval.metric.Samples;
import org.jgan.tools.run.GeneratedSamples;

/**
 * Reads samples to evaluate ({@link Samples}, the library's type, which refuses what no metric
 * can score) from a generator, a .npy file or a folder of PNGs.
 */
public final class EvalSamples {
  private EvalSamples() {}

  /**
   * From a generator: a run's checkpoint or an exported model, whose outputs are already in [0, 1],
   * scored as {@link GeneratorSamples} maps them (binary data as 0/1 draws keyed by {@code seed}),
   * exactly as the in-training quality probes score theirs.
   */
  public static Samples generated(GeneratedSamples samples, String source, long seed) {
    return GeneratorSamples.of(samples.values(), samples.count(), samples.exampleShape(), samples.dataset(),
        PixelScale.UNIT, seed, source);
  }

  /**
   * From a .npy file of images (NHWC, or NCHW when {@code channelsFirst}) or of 2-D points.
   *
   * @param range the scale of the stored values; null means 8-bit for uint8 files, [0, 1] otherwise
   */
  public static Samples fromNpy(Path file, String dataset, boolean channelsFirst, PixelScale range) throws IOException {
    Npy.Array array = Npy.read(file);
    long[] s = array.shape();
    boolean toy = NamedDatasets.isToy(dataset);
    if (toy ? s.length != 2 || s[1] != 2 : s.length != 4) {
      throw new IllegalArgumentException(file + ": shape " + Arrays.toString(s) + " is not "
          + (toy ? "[N, 2] points" : "[N, H, W, C] or [N, C, H, W] images") + " for dataset " + dataset);
    }
    int count = (int) s[0];
    if (count < Samples.MIN_COUNT) {
      throw new IllegalArgumentException(file + ": " + count + (count == 1 ? " sample" : " samples") + " (shape "
          + Arrays.toString(s) + "); evaluation needs at least " + Samples.MIN_COUNT);
    }
    float[] values = array.values();
    int[] expected = toy ? NamedDatasets.exampleShape(dataset) : null;
    if (!toy) {
      int[] shape = channelsFirst ? new int[] {(int) s[2], (int) s[3], (int) s[1]} : new int[] {(int) s[1], (int) s[2], (int) s[3]};
      expected = expectedShape(file, dataset, shape);
      if (!Arrays.equals(shape, expected)) {
        throw new IllegalArgumentException(file + ": images of shape " + Arrays.toString(shape) + " (HWC), "
            + dataset + " has " + Arrays.toString(expected) + (channelsFirst ? "" : "; pass --layout nchw if channels come first"));
      }
      PixelScale r = range != null ? range : array.dtype().endsWith("u1") ? PixelScale.BYTE : PixelScale.UNIT;
      // Checked as stored, so the error's flat index points into the file whatever its layout.
      check(r, values, file);
      if (channelsFirst) {
        values = toChannelsLast(values, count, shape[2], shape[0], shape[1]);
      }
      values = r.toUnit(values);
    }
    return new Samples(values, count, expected, dataset, file.toString());
  }

  /**
   * The image shape samples of {@code dataset} must have: the named dataset's, or for an image
   * folder (decoded to any size it allows) the samples' own when it is one of those sizes.
   */
  private static int[] expectedShape(Path file, String dataset, int[] shape) {
    if (!NamedDatasets.isFolder(dataset)) {
      return NamedDatasets.exampleShape(dataset);
    }
    boolean decodable = shape[0] == shape[1] && org.jgan.data.ImageFolder.SIZES.contains(shape[0])
        && (shape[2] == 1 || shape[2] == 3);
    if (!decodable) {
      throw new IllegalArgumentException(file + ": images of shape " + Arrays.toString(shape) + " (HWC): an image folder is decoded"
          + " to " + org.jgan.data.ImageFolder.SIZES + " pixels square with 1 or 3 channels");
    }
    return shape;
  }

  /**
   * From a folder of PNG images (grey or colour, any bit depth, sorted by name), scaled to [0, 1].
   * Each file's chunk structure and size are checked before it is decoded ({@link PngFile}).
   */
  public static Samples fromPngFolder(Path folder, String dataset) throws IOException {
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
      PngFile png = PngFile.open(files.get(n));
      if (png.height() != shape[0] || png.width() != shape[1]) {
        throw new IllegalArgumentException(files.get(n) + ": a " + png.width() + "x" + png.height() + " PNG image, "
            + dataset + " needs " + shape[1] + "x" + shape[0]);
      }
      readPixels(png.decode(), shape, values, n * size);
    }
    return new Samples(values, files.size(), shape, dataset, folder.toString());
  }

  /** Writes {@code image}'s pixels into {@code values} from {@code offset} as [H, W, C] in [0, 1]. */
  private static void readPixels(BufferedImage image, int[] shape, float[] values, int offset) {
    // Grey images are read from the raster at their own bit depth: getRGB would pass their levels
    // through a colour-space conversion (and cut 16-bit levels to 8).
    boolean grey = image.getColorModel().getNumColorComponents() == 1;
    for (int y = 0; y < shape[0]; y++) {
      for (int x = 0; x < shape[1]; x++) {
        int base = offset + (y * shape[1] + x) * shape[2];
        if (grey) {
          float level = PngFile.greyLevel(image.getRaster(), x, y);
          for (int c = 0; c < shape[2]; c++) {
            values[base + c] = level;
          }
          continue;
        }
        int rgb = image.getRGB(x, y);
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

  /** Refuses stored values that are not finite or lie outside {@code scale}, naming {@code file}. */
  private static void check(PixelScale scale, float[] stored, Path file) {
    SampleValues.requireWithin(stored, scale.low(), scale.high(), scale.name().toLowerCase() + " [" + (int) scale.low()
        + ", " + (int) scale.high() + "] (see --range)", file.toString());
  }
}
