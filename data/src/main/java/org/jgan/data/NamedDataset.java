package org.jgan.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The datasets jgan knows by name, each with what the tools ask of it: its kind, the shape of one
 * example, the IDX folder it is read from, whether the metric classifier is trained on it and the
 * toy distribution behind a 2-D set. A new dataset is one entry here and one case in
 * {@link NamedDatasets}, which opens it; no other code tests a dataset's name.
 */
public enum NamedDataset {
  TOY8(ToyDistribution.EIGHT_GAUSSIANS),
  TOY25(ToyDistribution.TWENTY_FIVE_GAUSSIANS),
  SWISSROLL(ToyDistribution.SWISS_ROLL),
  MNIST("mnist", Kind.IMAGE, Idx.MNIST, Shapes.GREY_28, Classifier.EPOCHS),
  FASHION("fashion", Kind.IMAGE, Idx.FASHION, Shapes.GREY_28, Classifier.FASHION_EPOCHS),
  /** MNIST digits coloured at random, fixed by {@link NamedDatasets#COLOR_SEED}. */
  COLOR_MNIST("color-mnist", Kind.IMAGE, Idx.MNIST, new int[] {28, 28, 3}, Classifier.EPOCHS),
  /** MNIST thresholded at 0.5: 0/1 pixels, Bernoulli generators. */
  BINARY_MNIST("binary-mnist", Kind.DISCRETE, Idx.MNIST, Shapes.GREY_28, Classifier.NONE),
  /** MNIST quantised to a palette, one-hot per pixel: softmax generators. */
  QUANTIZED_MNIST("quantized-mnist", Kind.MULTINOMIAL, Idx.MNIST, new int[] {28, 28, Palette.DEFAULT_COLOURS},
      Classifier.NONE),
  /** One-hot character sequences of {@code text/fortunes.txt}. */
  TEXT("text", Kind.TEXT, null, new int[] {TextSequences.LENGTH, TextSequences.VOCABULARY}, Classifier.NONE),
  CIFAR10("cifar10", Kind.IMAGE, null, Cifar10.shape(), Classifier.EPOCHS),
  /** Users' own images: every PNG and JPEG under the folder {@code --data} names ({@link ImageFolder}). */
  FOLDER("folder", Kind.IMAGE, null, null, Classifier.NONE);

  /** What kind of data a dataset is, which decides the generators, metrics and pictures that fit it. */
  public enum Kind {
    /** 2-D points drawn in code, no files. */
    TOY,
    /** Images, continuous pixels. */
    IMAGE,
    /** Discrete images with 0/1 pixels (Bernoulli). */
    DISCRETE,
    /** Discrete images with a category axis (softmax). */
    MULTINOMIAL,
    /** One-hot character sequences (softmax per position). */
    TEXT
  }

  /** The IDX folders under the data folder. */
  private static final class Idx {
    static final String MNIST = "mnist";
    static final String FASHION = "fashion-mnist";
  }

  /** Example shapes shared by several datasets. */
  private static final class Shapes {
    static final int[] GREY_28 = {28, 28, 1};
  }

  /** Passes of the metric classifier's training over a dataset (0: no classifier is trained on it). */
  private static final class Classifier {
    static final int NONE = 0;
    /** Enough for 99% test accuracy on the digit sets. */
    static final int EPOCHS = 3;
    /** Fashion-MNIST is harder: two more passes. */
    static final int FASHION_EPOCHS = 5;
  }

  private final String id;
  private final Kind kind;
  private final String idxFolder;
  private final int[] exampleShape;
  private final int classifierEpochs;
  private final ToyDistribution toy;

  NamedDataset(ToyDistribution toy) {
    this(toy.id(), Kind.TOY, null, new int[] {2}, Classifier.NONE, toy);
  }

  NamedDataset(String id, Kind kind, String idxFolder, int[] exampleShape, int classifierEpochs) {
    this(id, kind, idxFolder, exampleShape, classifierEpochs, null);
  }

  NamedDataset(String id, Kind kind, String idxFolder, int[] exampleShape, int classifierEpochs, ToyDistribution toy) {
    this.id = id;
    this.kind = kind;
    this.idxFolder = idxFolder;
    this.exampleShape = exampleShape;
    this.classifierEpochs = classifierEpochs;
    this.toy = toy;
  }

  /** The name on the command line and in run configurations. */
  public String id() {
    return id;
  }

  /** What kind of data it is. */
  public Kind kind() {
    return kind;
  }

  /** True for the 2-D toy sets, which need no files. */
  public boolean isToy() {
    return kind == Kind.TOY;
  }

  /** True for discrete data: binarised or palette-quantised images and one-hot character sequences. */
  public boolean isDiscrete() {
    return kind == Kind.DISCRETE || kind == Kind.MULTINOMIAL || kind == Kind.TEXT;
  }

  /** True for discrete data with a category axis (softmax generators): quantised images and text. */
  public boolean isMultinomial() {
    return kind == Kind.MULTINOMIAL || kind == Kind.TEXT;
  }

  /** True for one-hot character sequences. */
  public boolean isText() {
    return kind == Kind.TEXT;
  }

  /** True for palette-quantised images: their samples decode to grey images through the data's palette. */
  public boolean hasPalette() {
    return kind == Kind.MULTINOMIAL;
  }

  /** True for users' own image folders, whose shape is chosen when they are decoded. */
  public boolean isFolder() {
    return this == FOLDER;
  }

  /** True for a 2-D mixture with modes that samples can be assigned to (not the Swiss roll). */
  public boolean hasModes() {
    return toy != null && !toy.modes().isEmpty();
  }

  /** The 2-D distribution of a toy set. */
  public Optional<ToyDistribution> toyDistribution() {
    return Optional.ofNullable(toy);
  }

  /** The folder under the data folder holding the IDX files it is read from, if it is read from IDX files. */
  public Optional<String> idxFolder() {
    return Optional.ofNullable(idxFolder);
  }

  /**
   * The shape of one example.
   *
   * @throws IllegalArgumentException for {@link #FOLDER}, whose shape its image size and channels give
   */
  public int[] exampleShape() {
    if (exampleShape == null) {
      throw new IllegalArgumentException("dataset '" + id + "' has the shape its image size and channels give");
    }
    return exampleShape.clone();
  }

  /** Whether the metric classifier ({@code jgan classifier train}) is trained on this labelled image set. */
  public boolean hasMetricClassifier() {
    return classifierEpochs > 0;
  }

  /** The metric classifier's default passes over the training split; 0 where it has none. */
  public int classifierEpochs() {
    return classifierEpochs;
  }

  /** The dataset called {@code name}, if jgan knows one. */
  public static Optional<NamedDataset> find(String name) {
    return Arrays.stream(values()).filter(d -> d.id.equals(name)).findFirst();
  }

  /**
   * The dataset called {@code name}.
   *
   * @throws IllegalArgumentException "unknown dataset 'x' (known: ...)" when jgan knows none
   */
  public static NamedDataset named(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "' (known: "
        + String.join(", ", names()) + ")"));
  }

  /** Every dataset's name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(NamedDataset::id).toList();
  }

  /** The names of the discrete datasets, which the discrete objectives train on. */
  public static List<String> discreteNames() {
    return Arrays.stream(values()).filter(NamedDataset::isDiscrete).map(NamedDataset::id).toList();
  }

  /** The names of the datasets the metric classifier is trained on. */
  public static List<String> classifierNames() {
    return Arrays.stream(values()).filter(NamedDataset::hasMetricClassifier).map(NamedDataset::id).toList();
  }
}
