package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNIST through {@link ImageDatasets}: needs the real files, found in the folder named by the
 * JGAN_DATA environment variable (CI sets it); skipped where it is not set.
 */
class ImageDatasetsTest {
  private static Path dataDir() {
    String env = System.getenv("JGAN_DATA");
    Assumptions.assumeTrue(env != null && !env.isBlank(), "JGAN_DATA is not set");
    Path dir = Path.of(env);
    // JGAN_DATA set but without mnist/ is a configuration error, not a reason to skip.
    assertTrue(Files.isDirectory(dir.resolve("mnist")), "JGAN_DATA=" + env + " has no mnist/ folder");
    return dir;
  }

  private static void checkCommon(Dataset d, int expectedSize, float min, float max) {
    assertEquals(expectedSize, d.size());
    assertArrayEquals(new int[] {28, 28, 1}, d.exampleShape());
    assertEquals(784, d.exampleSize());
    assertEquals(expectedSize, d.labels().length);
    int[] classCounts = new int[10];
    for (int label : d.labels()) {
      assertTrue(label >= 0 && label <= 9, "label " + label);
      classCounts[label]++;
    }
    for (int c = 0; c < 10; c++) {
      // MNIST classes are roughly balanced (each about 9-11% of a split).
      assertTrue(classCounts[c] > expectedSize / 20, "class " + c + " has " + classCounts[c] + " examples");
    }
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : d.values()) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    // MNIST uses the whole 0..255 range, so the extremes are exactly the range ends.
    assertEquals(min, lo, 0f);
    assertEquals(max, hi, 0f);
  }

  @Test
  void trainSplitIsFirstFiftyThousandInZeroOne() {
    Dataset train = ImageDatasets.load(dataDir(), "mnist", Split.TRAIN, PixelRange.ZERO_ONE);
    checkCommon(train, 50_000, 0f, 1f);
    // The first training labels of MNIST are 5, 0, 4, 1, 9, 2, 1, 3, 1, 4.
    int[] first = new int[10];
    System.arraycopy(train.labels(), 0, first, 0, 10);
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, first);
    // Every value is k / 255 for an integer k.
    for (int i = 0; i < 784 * 10; i++) {
      float v = train.values()[i];
      float k = Math.round(v * 255f);
      assertEquals(k / 255f, v, 1e-7f);
    }
  }

  @Test
  void validationSplitIsLastTenThousandInMinusOneOne() throws IOException {
    Path dir = dataDir();
    Dataset validation = ImageDatasets.load(dir, "mnist", Split.VALIDATION, PixelRange.MINUS_ONE_ONE);
    checkCommon(validation, 10_000, -1f, 1f);
    // Validation example 0 is training-file record 50,000: compare with the IDX file read directly.
    IdxFile labels = IdxFile.read(dir.resolve("mnist/train-labels-idx1-ubyte.gz"));
    assertEquals(60_000, labels.count());
    for (int i = 0; i < 10_000; i += 997) {
      assertEquals(labels.unsigned(50_000 + i), validation.labels()[i], "validation label " + i);
    }
  }

  @Test
  void testSplitHasTenThousand() {
    Dataset test = ImageDatasets.load(dataDir(), "mnist", Split.TEST, PixelRange.ZERO_ONE);
    checkCommon(test, 10_000, 0f, 1f);
    // The first test labels of MNIST are 7, 2, 1, 0, 4.
    assertArrayEquals(new int[] {7, 2, 1, 0, 4}, java.util.Arrays.copyOf(test.labels(), 5));
  }

  @Test
  void pixelRangesMapByHand() {
    assertEquals(0f, PixelRange.ZERO_ONE.scale(0), 0f);
    assertEquals(1f, PixelRange.ZERO_ONE.scale(255), 0f);
    assertEquals(-1f, PixelRange.MINUS_ONE_ONE.scale(0), 0f);
    assertEquals(1f, PixelRange.MINUS_ONE_ONE.scale(255), 0f);
    assertEquals(51f / 255f, PixelRange.ZERO_ONE.scale(51), 1e-7f);
    assertEquals(2 * 51f / 255f - 1, PixelRange.MINUS_ONE_ONE.scale(51), 1e-6f);
  }

  @Test
  void decompressedTrainImagesHaveTheKnownMd5() throws IOException, NoSuchAlgorithmException {
    Path file = dataDir().resolve("mnist/train-images-idx3-ubyte.gz");
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    try (InputStream in = new DigestInputStream(new GZIPInputStream(Files.newInputStream(file)), md5)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertEquals("6bbc9ace898e44ae57da46a324031adb", HexFormat.of().formatHex(md5.digest()));
  }

  @Test
  void missingFolderIsReportedWithItsPath(@TempDir Path empty) {
    DataException e = assertThrows(DataException.class,
        () -> ImageDatasets.load(empty, "mnist", Split.TRAIN, PixelRange.ZERO_ONE));
    assertTrue(e.getMessage().contains(empty.resolve("mnist").toString()), e.getMessage());
  }
}
