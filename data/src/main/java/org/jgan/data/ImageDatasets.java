package org.jgan.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.data.fetch.DataDirectory;

/** MNIST and Fashion-MNIST from their IDX files, with the GAN paper's train/validation/test split. */
public final class ImageDatasets {
  /** Training images kept for training; the rest of the training file is validation. */
  public static final int TRAIN_SIZE = 50_000;

  private ImageDatasets() {}

  /**
   * Loads one split.
   *
   * @param dataDir the data directory (holds {@code mnist/} and {@code fashion-mnist/})
   * @param folder {@code mnist} or {@code fashion-mnist}
   */
  public static Dataset load(Path dataDir, String folder, Split split, PixelRange range) {
    Path dir = dataDir.resolve(folder);
    if (!Files.isDirectory(dir)) {
      throw new DataException(dir + ": dataset folder not found; " + DataDirectory.fetchHint(folder, dataDir));
    }
    String prefix = split == Split.TEST ? "t10k" : "train";
    IdxFile images = IdxFile.read(existing(dir.resolve(prefix + "-images-idx3-ubyte.gz"), folder, dataDir));
    IdxFile labels = IdxFile.read(existing(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), folder, dataDir));
    if (images.dims().length != 3) {
      throw new DataException(images.source() + ": expected 3 dimensions (count, rows, cols), found "
          + images.dims().length);
    }
    if (labels.dims().length != 1 || labels.count() != images.count()) {
      throw new DataException(labels.source() + ": " + labels.count() + " labels for " + images.count() + " images");
    }
    int from = 0;
    int to = images.count();
    if (split != Split.TEST) {
      if (images.count() <= TRAIN_SIZE) {
        throw new DataException(images.source() + ": " + images.count() + " images, the train/validation split needs more than "
            + TRAIN_SIZE);
      }
      from = split == Split.TRAIN ? 0 : TRAIN_SIZE;
      to = split == Split.TRAIN ? TRAIN_SIZE : images.count();
    }
    int size = images.recordSize();
    float[] values = new float[(to - from) * size];
    int[] classes = new int[to - from];
    for (int i = from; i < to; i++) {
      for (int j = 0; j < size; j++) {
        values[(i - from) * size + j] = range.scale(images.unsigned(i * size + j));
      }
      classes[i - from] = labels.unsigned(i);
    }
    int[] shape = {images.dims()[1], images.dims()[2], 1};
    return new Dataset(folder + "/" + split.name().toLowerCase(), shape, values, classes);
  }

  /** {@code file}, or a DataException naming it and the command that fetches it. */
  private static Path existing(Path file, String folder, Path dataDir) {
    if (!Files.isRegularFile(file)) {
      throw new DataException(file + ": file not found; " + DataDirectory.fetchHint(folder, dataDir));
    }
    return file;
  }
}
