package org.jgan.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.data.fetch.DataDirectory;

/** The datasets the command line knows by name, and how each is opened for training. */
public final class NamedDatasets {
  /** Users' own images: every PNG and JPEG under the folder {@code --data} names ({@link ImageFolder}). */
  public static final String FOLDER = "folder";
  /** Every dataset name the command line accepts ({@link #trainingBatches} opens all but {@link #FOLDER}). */
  public static final List<String> NAMES = List.of("toy8", "toy25", "swissroll", "mnist", "fashion", "color-mnist",
      "binary-mnist", "quantized-mnist", "text", "cifar10", FOLDER);
  /** The seed of ColorMNIST's colours: fixed, so every run and evaluation sees the same dataset. */
  public static final long COLOR_SEED = 2017;

  private NamedDatasets() {}

  /** True for the 2-D toy sets, which need no files. */
  public static boolean isToy(String name) {
    return name.equals("toy8") || name.equals("toy25") || name.equals("swissroll");
  }

  /** True for discrete data: binarised MNIST (0/1 pixels) and one-hot character sequences. */
  public static boolean isDiscrete(String name) {
    return name.equals("binary-mnist") || name.equals("quantized-mnist") || name.equals("text");
  }

  /** True for discrete data with a category axis (softmax generators): palette-quantised images and text. */
  public static boolean isMultinomial(String name) {
    return name.equals("quantized-mnist") || name.equals("text");
  }

  /** True for one-hot character sequences. */
  public static boolean isText(String name) {
    return name.equals("text");
  }

  /** The IDX folder for an image dataset name. */
  public static String folder(String name) {
    return switch (name) {
      case "mnist", "binary-mnist", "quantized-mnist", "color-mnist" -> "mnist";
      case "fashion" -> "fashion-mnist";
      default -> throw new IllegalArgumentException("unknown image dataset '" + name + "' (known: mnist, fashion, binary-mnist)");
    };
  }

  /**
   * Shape of one example of the named dataset; an image folder's shape is the one it is decoded to
   * ({@link #exampleShape(String, Integer, Integer)}).
   */
  public static int[] exampleShape(String name) {
    check(name);
    if (name.equals(FOLDER)) {
      throw new IllegalArgumentException("dataset '" + FOLDER + "' has the shape its image size and channels give");
    }
    if (name.equals("cifar10")) {
      return Cifar10.shape();
    }
    if (isText(name)) {
      return new int[] {TextSequences.LENGTH, TextSequences.VOCABULARY};
    }
    if (name.equals("quantized-mnist")) {
      return new int[] {28, 28, Palette.DEFAULT_COLOURS};
    }
    if (name.equals("color-mnist")) {
      return new int[] {28, 28, 3};
    }
    return isToy(name) ? new int[] {2} : new int[] {28, 28, 1};
  }

  /** Shape of one example: an image folder's {@code imageSize} x {@code imageSize} x {@code channels}, else the named dataset's. */
  public static int[] exampleShape(String name, Integer imageSize, Integer channels) {
    if (name.equals(FOLDER)) {
      if (imageSize == null || channels == null) {
        throw new IllegalArgumentException("dataset '" + FOLDER + "' needs an image size and a channel count");
      }
      return new int[] {imageSize, imageSize, channels};
    }
    return exampleShape(name);
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
      return new ShuffledBatches(TextSequences.trainingSplit(textCorpus(dataDir)), batchSize, seed);
    }
    if (name.equals("quantized-mnist")) {
      Dataset grey = ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE);
      return Palette.fit(grey, Palette.DEFAULT_COLOURS).encodedBatches(new ShuffledBatches(grey, batchSize, seed));
    }
    if (name.equals("color-mnist")) {
      Dataset colour = ColorMnist.colour(ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE),
          COLOR_SEED);
      return new ShuffledBatches(range == PixelRange.ZERO_ONE ? colour : signed(colour), batchSize, seed);
    }
    if (name.equals("cifar10")) {
      return new ShuffledBatches(Cifar10.load(dataDir, Split.TRAIN, range).images(), batchSize, seed);
    }
    if (name.equals(FOLDER)) {
      throw new IllegalArgumentException("dataset '" + FOLDER + "' is opened with ImageFolder.open: it needs a size and channels");
    }
    if (name.equals("binary-mnist")) {
      return new ShuffledBatches(BinaryImages.threshold(
          ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE), 0.5), batchSize, seed);
    }
    return new ShuffledBatches(ImageDatasets.load(dataDir, folder(name), Split.TRAIN, range), batchSize, seed);
  }

  /**
   * A split of an image dataset in [0, 1] as evaluation compares with: MNIST, Fashion-MNIST,
   * ColorMNIST (coloured with {@link #COLOR_SEED}) or binarised MNIST.
   */
  public static Dataset evaluationSplit(String name, Path dataDir, Split split) {
    if (name.equals("cifar10")) {
      return Cifar10.load(dataDir, split, PixelRange.ZERO_ONE).toDataset();
    }
    Dataset grey = ImageDatasets.load(dataDir, folder(name), split, PixelRange.ZERO_ONE);
    return switch (name) {
      case "color-mnist" -> ColorMnist.colour(grey, COLOR_SEED + split.ordinal());
      case "binary-mnist" -> BinaryImages.threshold(grey, 0.5);
      case "mnist", "fashion", "quantized-mnist" -> grey;
      default -> throw new IllegalArgumentException("no image evaluation data for dataset '" + name + "'");
    };
  }

  /**
   * A split of the named dataset in [0, 1] at the given example shape: for an image folder
   * ({@code dataDir} is then the folder) decoded to that shape through the per-user image cache,
   * skipping undecodable files as training does; otherwise {@link #evaluationSplit(String, Path, Split)}.
   */
  public static Dataset evaluationSplit(String name, Path dataDir, Split split, int[] exampleShape) {
    if (!name.equals(FOLDER)) {
      return evaluationSplit(name, dataDir, split);
    }
    if (exampleShape.length != 3 || exampleShape[0] != exampleShape[1]) {
      throw new IllegalArgumentException("an image folder is decoded to square images, not " + java.util.Arrays.toString(exampleShape));
    }
    return ImageFolder.open(dataDir, exampleShape[0], exampleShape[2], DataDirectory.imageCache(), false, null)
        .split(split, PixelRange.ZERO_ONE).toDataset();
  }

  /**
   * The character corpus {@code text/fortunes.txt} under {@code dataDir}; a DataException naming
   * the command that fetches it when it is not there.
   */
  public static Path textCorpus(Path dataDir) {
    Path corpus = dataDir.resolve("text").resolve("fortunes.txt");
    if (!Files.isRegularFile(corpus)) {
      throw new DataException(corpus + ": text corpus not found; " + DataDirectory.fetchHint("text", dataDir));
    }
    return corpus;
  }

  /** The palette a quantised dataset was encoded with (refitted from its training split: deterministic). */
  public static Palette palette(String name, Path dataDir) {
    if (!name.equals("quantized-mnist")) {
      throw new IllegalArgumentException("dataset '" + name + "' has no palette");
    }
    return Palette.fit(ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE),
        Palette.DEFAULT_COLOURS);
  }

  private static Dataset signed(Dataset unit) {
    float[] v = unit.values().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = v[i] * 2f - 1f;
    }
    return new Dataset(unit.name(), unit.exampleShape(), v, unit.labels());
  }

  private static void check(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown dataset '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
  }
}
