package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10's binary format from small files in that format, written here. */
class Cifar10Test {
  @TempDir
  Path dir;

  /**
   * Writes {@code perFile} records into each of the six files; record k of the whole set has
   * label k % 10, and pixel (row 0, column 1) is red 200, green 100, blue (k % 50) in its planes.
   */
  static void write(Path dataDir, int perFile) throws IOException {
    Path folder = Files.createDirectories(dataDir.resolve("cifar10"));
    int k = 0;
    for (String name : new String[] {"data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
        "test_batch"}) {
      byte[] bytes = new byte[perFile * Cifar10.RECORD];
      for (int r = 0; r < perFile; r++, k++) {
        int at = r * Cifar10.RECORD;
        bytes[at] = (byte) (k % 10);
        bytes[at + 1 + 1] = (byte) 200;
        bytes[at + 1 + 1024 + 1] = (byte) 100;
        bytes[at + 1 + 2048 + 1] = (byte) (k % 50);
      }
      Files.write(folder.resolve(name + ".bin"), bytes);
    }
  }

  @Test
  void planesBecomeInterleavedPixelsAndSplitsFollowTheFiles() throws IOException {
    write(dir, 4);
    Cifar10.Split train = Cifar10.load(dir, Split.TRAIN, PixelRange.ZERO_ONE);
    Cifar10.Split validation = Cifar10.load(dir, Split.VALIDATION, PixelRange.ZERO_ONE);
    Cifar10.Split test = Cifar10.load(dir, Split.TEST, PixelRange.ZERO_ONE);
    // 20 training records; the second half of data_batch_5 (2 records) validates.
    assertEquals(18, train.images().size());
    assertEquals(2, validation.images().size());
    assertEquals(4, test.images().size());
    assertArrayEquals(new int[] {32, 32, 3}, train.images().exampleShape());

    Dataset first = train.toDataset();
    // Pixel (0, 1) is at (0 * 32 + 1) * 3: R, G, B in that order.
    assertEquals(200 / 255f, first.values()[3], 1e-6);
    assertEquals(100 / 255f, first.values()[4], 1e-6);
    assertEquals(0f, first.values()[5], 1e-6);
    assertEquals(0f, first.values()[0], 1e-6);
    assertEquals(7, first.labels()[7]);
    // Validation starts at record 18 of the training files, the test split at record 20.
    assertEquals(18 / 255f, validation.toDataset().values()[5], 1e-6);
    assertEquals(8, validation.labels()[0]);
    assertEquals(21 / 255f, test.toDataset().values()[3 * 1024 * 1 + 5], 1e-6);

    float[] signed = new float[3072];
    Cifar10.load(dir, Split.TRAIN, PixelRange.MINUS_ONE_ONE).images().copyExample(0, signed, 0);
    assertEquals(200 / 255f * 2 - 1, signed[3], 1e-6);
  }

  @Test
  void aFileOfTheWrongSizeIsNamedWithItsSize() throws IOException {
    write(dir, 2);
    Path broken = dir.resolve("cifar10").resolve("data_batch_3.bin");
    Files.write(broken, new byte[Cifar10.RECORD + 5]);
    DataException e = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TRAIN, PixelRange.ZERO_ONE));
    assertTrue(e.getMessage().contains(broken.toString()) && e.getMessage().contains((Cifar10.RECORD + 5) + " bytes"),
        e.getMessage());
  }

  @Test
  void aMissingFolderNamesTheFetchCommand() {
    DataException e = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TEST, PixelRange.ZERO_ONE));
    assertTrue(e.getMessage().contains("jgan data fetch cifar10"), e.getMessage());
  }

  @Test
  void aLabelOutsideTheTenClassesIsRefused() throws IOException {
    write(dir, 2);
    Path test = dir.resolve("cifar10").resolve("test_batch.bin");
    byte[] bytes = Files.readAllBytes(test);
    bytes[Cifar10.RECORD] = 10;
    Files.write(test, bytes);
    DataException e = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TEST, PixelRange.ZERO_ONE));
    assertTrue(e.getMessage().contains(test + ": label 10"), e.getMessage());
  }
}
