package org.jgan.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.data.fetch.DataDirectory;

/**
 * CIFAR-10's binary version, as {@code jgan data fetch cifar10} lays it out: {@code cifar10/}
 * holding {@code data_batch_1.bin} .. {@code data_batch_5.bin} and {@code test_batch.bin}, each a
 * run of 3,073-byte records (a label byte, then the 32x32 red plane, green plane, blue plane, each
 * row-major). Images are stored as bytes in height x width x channel order. Splits: the training
 * batches train, except the second half of {@code data_batch_5.bin} (5,000 images), which
 * validates; {@code test_batch.bin} tests.
 */
public final class Cifar10 {
  /** The folder under the data directory. */
  public static final String FOLDER = "cifar10";
  /** Side of an image. */
  public static final int SIDE = 32;
  /** Bytes in one record: the label and three 32x32 planes. */
  public static final int RECORD = 1 + 3 * SIDE * SIDE;
  private static final int TRAINING_FILES = 5;

  private Cifar10() {}

  /** One split's images and their labels (0..9). */
  public record Split(ByteImages images, int[] labels) {
    /** The images as floats with their labels, for evaluation. */
    public Dataset toDataset() {
      Dataset d = images.toDataset();
      return new Dataset(d.name(), d.exampleShape(), d.values(), labels);
    }
  }

  /** Example shape: 32 x 32 x 3. */
  public static int[] shape() {
    return new int[] {SIDE, SIDE, 3};
  }

  /** Reads one split from {@code dataDir/cifar10/}, scaled to {@code range}. */
  public static Split load(Path dataDir, org.jgan.data.Split split, PixelRange range) {
    Path dir = dataDir.resolve(FOLDER);
    if (!Files.isDirectory(dir)) {
      throw new DataException(dir + ": dataset folder not found; " + DataDirectory.fetchHint(FOLDER, dataDir));
    }
    List<Path> files = new ArrayList<>();
    if (split == org.jgan.data.Split.TEST) {
      files.add(dir.resolve("test_batch.bin"));
    } else {
      for (int i = 1; i <= TRAINING_FILES; i++) {
        files.add(dir.resolve("data_batch_" + i + ".bin"));
      }
    }
    int[] counts = new int[files.size()];
    int total = 0;
    for (int i = 0; i < files.size(); i++) {
      counts[i] = records(files.get(i), dataDir);
      total += counts[i];
    }
    // The validation share is the last file's second half, so it holds out 5,000 of the official 50,000.
    int validationFrom = total - counts[counts.length - 1] / 2;
    int from = split == org.jgan.data.Split.VALIDATION ? validationFrom : 0;
    int to = split == org.jgan.data.Split.TRAIN ? validationFrom : total;
    if (to <= from) {
      throw new DataException(dir + ": no images for the " + split.name().toLowerCase() + " split");
    }
    byte[] pixels = new byte[(to - from) * SIDE * SIDE * 3];
    int[] labels = new int[to - from];
    int index = 0;
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        byte[] record = new byte[RECORD];
        while (in.readNBytes(record, 0, RECORD) == RECORD) {
          if (index >= from && index < to) {
            decode(record, file, pixels, labels, index - from);
          }
          index++;
        }
      } catch (IOException e) {
        throw new DataException(file + ": cannot read: " + e.getMessage());
      }
    }
    String name = FOLDER + "/" + split.name().toLowerCase();
    return new Split(ByteImages.inMemory(name, shape(), pixels, range), labels);
  }

  /** Planes (R, G, B) to interleaved height x width x channel. */
  private static void decode(byte[] record, Path file, byte[] pixels, int[] labels, int at) {
    int label = record[0] & 0xff;
    if (label > 9) {
      throw new DataException(file + ": label " + label + " outside 0..9");
    }
    labels[at] = label;
    int plane = SIDE * SIDE;
    int base = at * plane * 3;
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < 3; c++) {
        pixels[base + p * 3 + c] = record[1 + c * plane + p];
      }
    }
  }

  /** The number of records in {@code file}, refusing a size that is not a positive multiple of a record. */
  private static int records(Path file, Path dataDir) {
    if (!Files.isRegularFile(file)) {
      throw new DataException(file + ": file not found; " + DataDirectory.fetchHint(FOLDER, dataDir));
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage());
    }
    if (size == 0 || size % RECORD != 0) {
      throw new DataException(file + ": " + size + " bytes is not a whole number of " + RECORD
          + "-byte CIFAR-10 records (1 label byte + 3 x 32 x 32 pixels)");
    }
    return (int) (size / RECORD);
  }
}
