package org.jgan.data;

import java.nio.file.Path;
import java.util.List;

/** The datasets the command line knows by name, and how each is opened for training. */
public final class NamedDatasets {
  /** Every name {@link #trainingBatches} accepts. */
  public static final List<String> NAMES = List.of("toy8", "toy25", "swissroll", "mnist", "fashion");

  private NamedDatasets() {}

  /** True for the 2-D toy sets, which need no files. */
  public static boolean isToy(String name) {
    return name.equals("toy8") || name.equals("toy25") || name.equals("swissroll");
  }

  /** The IDX folder for an image dataset name. */
  public static String folder(String name) {
    return switch (name) {
      case "mnist" -> "mnist";
      case "fashion" -> "fashion-mnist";
      default -> throw new IllegalArgumentException("unknown image dataset '" + name + "' (known: mnist, fashion)");
    };
  }

  /** Shape of one example of the named dataset. */
  public static int[] exampleShape(String name) {
    check(name);
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
    return new ShuffledBatches(ImageDatasets.load(dataDir, folder(name), Split.TRAIN, range), batchSize, seed);
  }

  private static void check(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown dataset '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
  }
}
