package org.jgan.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.data.fetch.DataDirectory;

/**
 * How each dataset of {@link NamedDataset} is opened for training and evaluation, by name; the
 * name tests here ask the registry and are false for names it does not know.
 */
public final class NamedDatasets {
  /** Users' own images: every PNG and JPEG under the folder {@code --data} names ({@link ImageFolder}). */
  public static final String FOLDER = NamedDataset.FOLDER.id();
  /** Every dataset name the command line accepts ({@link #trainingBatches} opens all but {@link #FOLDER}). */
  public static final List<String> NAMES = NamedDataset.names();
  /** The seed of ColorMNIST's colours: fixed, so every run and evaluation sees the same dataset. */
  public static final long COLOR_SEED = 2017;

  private NamedDatasets() {}

  /** True for the 2-D toy sets, which need no files. */
  public static boolean isToy(String name) {
    return NamedDataset.find(name).map(NamedDataset::isToy).orElse(false);
  }

  /** True for discrete data: binarised MNIST (0/1 pixels) and one-hot character sequences. */
  public static boolean isDiscrete(String name) {
    return NamedDataset.find(name).map(NamedDataset::isDiscrete).orElse(false);
  }

  /** True for discrete data with a category axis (softmax generators): palette-quantised images and text. */
  public static boolean isMultinomial(String name) {
    return NamedDataset.find(name).map(NamedDataset::isMultinomial).orElse(false);
  }

  /** True for one-hot character sequences. */
  public static boolean isText(String name) {
    return NamedDataset.find(name).map(NamedDataset::isText).orElse(false);
  }

  /** True for palette-quantised images, whose samples decode through {@link #palette}. */
  public static boolean hasPalette(String name) {
    return NamedDataset.find(name).map(NamedDataset::hasPalette).orElse(false);
  }

  /** True for users' own image folders. */
  public static boolean isFolder(String name) {
    return NamedDataset.find(name).map(NamedDataset::isFolder).orElse(false);
  }

  /** The IDX folder for an image dataset name. */
  public static String folder(String name) {
    return NamedDataset.named(name).idxFolder().orElseThrow(() -> new IllegalArgumentException("dataset '" + name
        + "' is not read from IDX files (those that are: " + String.join(", ", java.util.Arrays.stream(
            NamedDataset.values()).filter(d -> d.idxFolder().isPresent()).map(NamedDataset::id).toList()) + ")"));
  }

  /**
   * Shape of one example of the named dataset; an image folder's shape is the one it is decoded to
   * ({@link #exampleShape(String, Integer, Integer)}).
   */
  public static int[] exampleShape(String name) {
    return NamedDataset.named(name).exampleShape();
  }

  /** Shape of one example: an image folder's {@code imageSize} x {@code imageSize} x {@code channels}, else the named dataset's. */
  public static int[] exampleShape(String name, Integer imageSize, Integer channels) {
    if (isFolder(name)) {
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
    NamedDataset dataset = NamedDataset.named(name);
    if (dataset.isToy()) {
      return dataset.toyDistribution().orElseThrow().batches(batchSize, seed);
    }
    if (dataDir == null) {
      throw new DataException("dataset '" + name + "' needs a data directory: pass --data DIR or set JGAN_DATA");
    }
    return switch (dataset) {
      case TEXT -> new ShuffledBatches(TextSequences.trainingSplit(textCorpus(dataDir)), batchSize, seed);
      case QUANTIZED_MNIST -> {
        Dataset grey = ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE);
        yield Palette.fit(grey, Palette.DEFAULT_COLOURS).encodedBatches(new ShuffledBatches(grey, batchSize, seed));
      }
      case COLOR_MNIST -> {
        Dataset colour = ColorMnist.colour(ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE),
            COLOR_SEED);
        yield new ShuffledBatches(range == PixelRange.ZERO_ONE ? colour : signed(colour), batchSize, seed);
      }
      case CIFAR10 -> new ShuffledBatches(Cifar10.load(dataDir, Split.TRAIN, range).images(), batchSize, seed);
      case FOLDER -> throw new IllegalArgumentException("dataset '" + FOLDER
          + "' is opened with ImageFolder.open: it needs a size and channels");
      case BINARY_MNIST -> new ShuffledBatches(BinaryImages.threshold(
          ImageDatasets.load(dataDir, folder(name), Split.TRAIN, PixelRange.ZERO_ONE), 0.5), batchSize, seed);
      case MNIST, FASHION -> new ShuffledBatches(ImageDatasets.load(dataDir, folder(name), Split.TRAIN, range),
          batchSize, seed);
      case TOY8, TOY25, SWISSROLL -> throw new AssertionError("toy sets are drawn above");
    };
  }

  /**
   * A split of an image dataset in [0, 1] as evaluation compares with: MNIST, Fashion-MNIST,
   * ColorMNIST (coloured with {@link #COLOR_SEED}) or binarised MNIST.
   */
  public static Dataset evaluationSplit(String name, Path dataDir, Split split) {
    NamedDataset dataset = NamedDataset.named(name);
    if (dataset == NamedDataset.CIFAR10) {
      return Cifar10.load(dataDir, split, PixelRange.ZERO_ONE).toDataset();
    }
    if (dataset.idxFolder().isEmpty()) {
      throw new IllegalArgumentException("no image evaluation data for dataset '" + name + "'");
    }
    Dataset grey = ImageDatasets.load(dataDir, folder(name), split, PixelRange.ZERO_ONE);
    return switch (dataset) {
      case COLOR_MNIST -> ColorMnist.colour(grey, COLOR_SEED + split.ordinal());
      case BINARY_MNIST -> BinaryImages.threshold(grey, 0.5);
      default -> grey;
    };
  }

  /**
   * A split of the named dataset in [0, 1] at the given example shape: for an image folder
   * ({@code dataDir} is then the folder) decoded to that shape through the per-user image cache,
   * skipping undecodable files as training does; otherwise {@link #evaluationSplit(String, Path, Split)}.
   */
  public static Dataset evaluationSplit(String name, Path dataDir, Split split, int[] exampleShape) {
    if (!isFolder(name)) {
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
    if (!hasPalette(name)) {
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
}
