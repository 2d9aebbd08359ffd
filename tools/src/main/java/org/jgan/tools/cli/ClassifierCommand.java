package org.jgan.tools.cli;

import org.jgan.data.fetch.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.data.Dataset;
import org.jgan.data.NamedDatasets;
import org.jgan.data.Split;
import org.jgan.training.JganVersion;
import org.jgan.eval.classifier.ClassifierTraining;
import org.jgan.eval.classifier.SavedModelClassifier;
import org.jgan.tools.progress.ProgressReporter;
import org.jgan.tools.progress.ProgressTask;
import org.jgan.tools.progress.ProgressUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan classifier}: the classifier behind the score-based metrics. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
    description = "Train the small CNN that score-based metrics (Inception score, FID, KID) use.",
    subcommands = ClassifierCommand.Train.class)
public final class ClassifierCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code jgan classifier train}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Train the metric classifier and save it as a SavedModel (signature serving_default:",
          "images [-1, 28, 28, C] in [0, 1] -> logits, features), with classifier.json beside it."})
  static final class Train implements Callable<Integer> {
    /** The labelled image sets a classifier can be trained on. */
    static final java.util.List<String> DATASETS = org.jgan.data.NamedDataset.classifierNames();
    /** Classes of every dataset in {@link #DATASETS}: digits, clothing types or CIFAR-10's classes, 0..9. */
    static final int CLASSES = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "mnist",
        description = "mnist | fashion | color-mnist (3 channels, the colours jgan train uses) | cifar10 (32x32x3) (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--out", required = true, description = "model folder (must not exist or be empty)")
    Path out;

    @Option(names = "--data", description = DataCommand.DATA_HELP)
    Path data;

    @Option(names = "--epochs", description = "passes over the 50,000 training images (default: 5 for fashion, 3 otherwise)")
    Integer epochs;

    @Option(names = "--batch", defaultValue = "64", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate, decayed linearly to 0 (default: ${DEFAULT-VALUE})")
    float lr;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "" + ClassifierTraining.THREADS, description = "TensorFlow intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
      if (!DATASETS.contains(dataset)) {
        throw new ParameterException(spec.commandLine(), "--dataset must be one of " + String.join(", ", DATASETS)
            + ", got '" + dataset + "'");
      }
      int passes = epochs != null ? epochs : org.jgan.data.NamedDataset.named(dataset).classifierEpochs();
      if (passes < 1 || batch < 1 || threads < 1 || !(lr > 0) || !Float.isFinite(lr)) {
        throw new ParameterException(spec.commandLine(), "--epochs, --batch, --threads and --lr must be positive"
            + " (--lr a finite number), got " + passes + ", " + batch + ", " + threads + ", " + lr);
      }
      Path dataDir = DataDirectory.orDefault(data);
      // The splits evaluation compares samples with, so the classifier sees exactly what jgan eval feeds it.
      Dataset train = NamedDatasets.evaluationSplit(dataset, dataDir, Split.TRAIN);
      Dataset test = NamedDatasets.evaluationSplit(dataset, dataDir, Split.TEST);
      // Both splits are checked before training, so a bad test label does not cost a training run.
      ClassifierTraining.requireLabels(train, CLASSES);
      ClassifierTraining.requireLabels(test, CLASSES);
      PrintWriter console = spec.commandLine().getOut();
      double accuracy;
      try (ClassifierTraining training = new ClassifierTraining(train.exampleShape(), CLASSES, lr, seed, threads)) {
        long batchesPerEpoch = train.size() / batch;
        ProgressReporter reporter = ProgressReporter.forConsole(console, quiet);
        ProgressTask progress = reporter.start("batch", 0, batchesPerEpoch * passes, ProgressUnit.ITEMS);
        String lastLoss = "";
        for (int epoch = 0; epoch < passes; epoch++) {
          long start = System.nanoTime();
          long before = batchesPerEpoch * epoch;
          String detail = "epoch " + (epoch + 1) + "/" + passes + lastLoss;
          double loss = training.trainEpoch(train, batch, epoch, passes, b -> progress.update(before + b, detail));
          lastLoss = String.format(java.util.Locale.ROOT, ", epoch %d loss %.4f", epoch + 1, loss);
          // A log gets each epoch's loss on its own line; a terminal sees it in the redrawn line.
          if (reporter.mode() == ProgressReporter.Mode.LOG) {
            console.printf("epoch %d/%d  loss %.4f  %.0fs%n", epoch + 1, passes, loss, (System.nanoTime() - start) / 1e9);
            console.flush();
          }
        }
        accuracy = training.accuracy(test);
        training.export(out);
      }
      String hash;
      try (SavedModelClassifier saved = SavedModelClassifier.load(out)) {
        hash = saved.contentHash();
      }
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("dataset", dataset);
      info.put("image_shape", train.exampleShape());
      info.put("test_accuracy", accuracy);
      info.put("test_images", test.size());
      info.put("epochs", passes);
      info.put("batch", batch);
      info.put("learning_rate", lr);
      info.put("seed", seed);
      info.put("model_sha256", hash);
      info.put("jgan_version", JganVersion.VERSION);
      org.jgan.graphs.JsonFiles.writeWithoutNulls(out.resolve("classifier.json"), info);
      console.printf("test accuracy %.4f on %d %s test images; saved %s (sha256 %s)%n", accuracy, test.size(), dataset,
          out, hash.substring(0, 12));
      return 0;
    }
  }
}
