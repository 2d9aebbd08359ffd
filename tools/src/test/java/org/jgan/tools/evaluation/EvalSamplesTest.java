package org.jgan.tools.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jgan.eval.metric.PixelScale;
import org.jgan.eval.metric.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples are loaded for evaluation only when every metric can score them. */
class EvalSamplesTest {
  private static final int PIXELS = 28 * 28;

  @TempDir
  Path dir;

  private static float[] images(int count, float value) {
    float[] values = new float[count * PIXELS];
    java.util.Arrays.fill(values, value);
    return values;
  }

  @Test
  void nonFiniteValuesAreRefusedWithTheFileAndFlatIndex() throws Exception {
    float[] values = images(3, 0.5f);
    values[PIXELS + 17] = Float.NaN;
    Path npy = dir.resolve("nan.npy");
    Npy.write(npy, values, 3, 28, 28, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvalSamples.fromNpy(npy, "mnist", false, null));
    assertTrue(e.getMessage().startsWith(npy + ": value NaN at flat index " + (PIXELS + 17) + " "), e.getMessage());
  }

  @Test
  void valuesOutsideTheDeclaredRangeAreRefusedAtTheirIndexInTheFile() throws Exception {
    // 0..255 floats stored channels-first: read as the default unit range they are refused, and
    // the index is the one in the file, not in the channels-last copy.
    float[] bytes = images(2, 0f);
    bytes[5] = 254f;
    Path npy = dir.resolve("bytes.npy");
    Npy.write(npy, bytes, 2, 1, 28, 28);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvalSamples.fromNpy(npy, "mnist", true, null));
    assertTrue(e.getMessage().startsWith(npy + ": value 254.0 at flat index 5 ") && e.getMessage().contains("unit [0, 1]"),
        e.getMessage());
    Samples asBytes = EvalSamples.fromNpy(npy, "mnist", true, PixelScale.BYTE);
    assertEquals(254f / 255f, asBytes.values()[5], 1e-7f);
    assertThrows(IllegalArgumentException.class, () -> EvalSamples.fromNpy(npy, "mnist", true, PixelScale.SIGNED));
  }

  @Test
  void roundingJustOutsideTheRangeIsClampedIntoIt() throws Exception {
    float[] values = images(2, 0.5f);
    values[0] = -0.0004f;
    values[1] = 1.0004f;
    Path npy = dir.resolve("rounded.npy");
    Npy.write(npy, values, 2, 28, 28, 1);
    Samples samples = EvalSamples.fromNpy(npy, "mnist", false, null);
    assertEquals(0f, samples.values()[0]);
    assertEquals(1f, samples.values()[1]);
  }

  @Test
  void tooFewSamplesAndGeneratedNansAreRefusedNamingTheSource() throws Exception {
    Path empty = dir.resolve("empty.npy");
    Npy.write(empty, new float[0], 0, 28, 28, 1);
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> EvalSamples.fromNpy(empty, "mnist", false, null));
    assertTrue(none.getMessage().startsWith(empty + ": 0 samples (shape [0, 28, 28, 1])"), none.getMessage());
    // A generator's samples go through the same check, named by the run they came from.
    IllegalArgumentException diverged = assertThrows(IllegalArgumentException.class,
        () -> new Samples(new float[] {0, 1, Float.NaN, 2}, 2, new int[] {2}, "toy8", "runs/toy8"));
    assertTrue(diverged.getMessage().startsWith("runs/toy8: value NaN at flat index 2 "), diverged.getMessage());
    assertEquals(2, new Samples(new float[] {0, 1, -30, 2}, 2, new int[] {2}, "toy8", "runs/toy8").count(),
        "2-D points have no range");
  }

  @Test
  void sixteenBitGreyPngsScaleByTheirOwnMaximum() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("pngs"));
    int[] levels8 = {0, 51, 128, 255};
    for (int n = 0; n < 2; n++) {
      BufferedImage deep = new BufferedImage(28, 28, BufferedImage.TYPE_USHORT_GRAY);
      for (int p = 0; p < PIXELS; p++) {
        deep.getRaster().setSample(p % 28, p / 28, 0, levels8[(p + n) % 4] * 257);
      }
      ImageIO.write(deep, "png", folder.resolve(n + ".png").toFile());
    }
    Samples samples = EvalSamples.fromPngFolder(folder, "mnist");
    float[] expected = new float[2 * PIXELS];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = levels8[(i % PIXELS + i / PIXELS) % 4] / 255f;
    }
    assertArrayEquals(expected, samples.values(), 1e-6f);
  }
}
