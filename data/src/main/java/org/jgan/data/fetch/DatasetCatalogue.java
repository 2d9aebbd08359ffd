package org.jgan.data.fetch;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The datasets {@code jgan data} fetches, lists and verifies, with the digests shipped in the code. */
public final class DatasetCatalogue {
  private static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  private final List<KnownDataset> datasets;

  /** A catalogue of the given datasets (tests inject their own digests and archives). */
  public DatasetCatalogue(List<KnownDataset> datasets) {
    this.datasets = List.copyOf(datasets);
  }

  /**
   * The shipped catalogue.
   *
   * <p>MNIST and Fashion-MNIST are checked by the SHA-256 of each file's DECOMPRESSED content: the
   * archives on different mirrors (and the project's own copies) were compressed differently, so
   * their bytes differ while the IDX content is identical. CIFAR-10 is the one exception to
   * SHA-256: its publisher gives only the archive's MD5 (c32a1d4ab5d03f1284b67883e8d87530), which is
   * what it is verified by; the SHA-256 of each extracted member is then recorded on fetch.
   */
  public static DatasetCatalogue standard() {
    return new DatasetCatalogue(List.of(
        new KnownDataset("mnist", "mnist", idx(
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/"),
            List.of(), null),
        new KnownDataset("fashion", "fashion-mnist", idx(
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"), List.of(), null),
        new KnownDataset("text", "text",
            List.of(new RemoteFile("fortunes.txt",
                Digest.sha256("cde16e4292fb6124f19a124c3cdd6d3ed198c487d7f6f284bade28c51e7787f0"))),
            List.of(), List.of(),
            "text/fortunes.txt is this project's own extract of the BSD fortune files and no public mirror holds it"),
        new KnownDataset("cifar10", "cifar10",
            List.of(new RemoteFile("cifar-10-binary.tar.gz", Digest.md5("c32a1d4ab5d03f1284b67883e8d87530"))),
            List.of("https://www.cs.toronto.edu/~kriz/"),
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin",
                "test_batch.bin", "batches.meta.txt"),
            null)));
  }

  private static List<RemoteFile> idx(String trainImages, String trainLabels, String testImages, String testLabels) {
    List<String> digests = List.of(trainImages, trainLabels, testImages, testLabels);
    return IntStream.range(0, IDX_FILES.size())
        .mapToObj(i -> new RemoteFile(IDX_FILES.get(i), Digest.sha256OfDecompressed(digests.get(i))))
        .toList();
  }

  /** Every dataset, in the order {@code list} prints them. */
  public List<KnownDataset> all() {
    return datasets;
  }

  /** The dataset with this command-line name; an unknown name is an IllegalArgumentException listing the known ones. */
  public KnownDataset named(String name) {
    return datasets.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("unknown dataset '" + name + "' (known: " + names() + ", all)"));
  }

  /** The dataset kept in this folder under the data directory, if any. */
  public Optional<KnownDataset> byFolder(String folder) {
    return datasets.stream().filter(d -> d.folder().equals(folder)).findFirst();
  }

  /** The names, comma-separated. */
  public String names() {
    return datasets.stream().map(KnownDataset::name).collect(Collectors.joining(", "));
  }
}
