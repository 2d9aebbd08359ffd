package org.jgan.data;

import java.nio.file.Path;
import java.util.List;

/** The datasets the command line knows by name, and how each is opened for training. */
public final class NamedDatasets {
  /** Every name {@link #trainingBatches} accepts. */
  public static final List<String> NAMES = List.of("toy8", "toy25", "swissroll", "mnist", "fashion", "binary-mnist",
      "text");

  private NamedDatasets() {}

  /** True for the 2-D toy sets, which need no files. */
  public static boolean isToy(String name) {
    return name.equals("toy8") || name.equals("toy25") || name.equals("swissroll");
  }

  /** True for discrete data: binarised MNIST (0/1 pixels) and one-hot character sequences. */
  public static boolean isDiscrete(String name) {
    return name.equals("binary-mnist") || name.equals("text");
  }

  /** True for one-hot character sequences. */
  public static boolean isText(String name) {
    return name.equals("text");
  }

  /** The IDX folder for an image dataset name. */
  public static String folder(String name) {
    return switch (name) {
      case "mnist", "binary-mnist" -> "mnist";
      case "fashion" -> "fashion-mnist";
      default -> throw new IllegalArgumentException("unknown image dataset '" + name + "' (known: mnist, fashion, binary-mnist)");
    };
  }

  /** Shape of one example of the named dataset. */
  public static int[] exampleShape(String name) {
    check(name);
    if (isText(name)) {
      return new int[] {TextSequences.LENGTH, TextSequences.VOCABULARY};
    }
    return isToy(name) ? new int[] {2} : new int[] {28, 28, 1};
  }

  /**
   * Seeded training batches for the named dataset: fresh samples for toy sets, shuffled epochs
   * over the training split for image sets.
   *
   * @param dataDir folder holding {@code mnist/} and {@code fashion-mnist/}; unused for toy sets
   */
  public static BatchSource trainingBatches(String name, Path dataDir, int batchSize, long seed, PixelRange range) {
    check(name);
    if (isToy(name)) {
      return ToyDistribution.byId(name).batches(batchSize, seed);
    }
    if (dataDir == null) {
      throw new DataException("dataset '" + name + "' needs a data directory: pass --data DIR or set JGAN_DATA");
    }
    if (isText(name)) {
      return new ShuffledBatches(TextSequences.trainingSplit(dataDir.resolve("text").resolve("fortunes.txt")), batchSize,
          seed);
    }
    if (name.equals("binary-mnist")) {
      return new ShuffledBatches(BinaryImages.threshold(
          ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE), 0.5), batchSize, seed);
    }
    return new ShuffledBatches(ImageDatasets.load(dataDir, folder(name), Split.TRAIN, range), batchSize, seed);
  }

  private static void check(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown dataset '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
  }
}
