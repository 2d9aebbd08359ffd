package org.jgan.tools.cli;

import org.jgan.data.fetch.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.data.NamedDatasets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.eval.metric.EvalSettings;
import org.jgan.graphs.Sessions;
import org.jgan.eval.metric.EvaluationContext;
import org.jgan.eval.metric.EvaluationResult;
import org.jgan.eval.metric.Evaluator;
import org.jgan.eval.metric.Metrics;
import org.jgan.eval.metric.PixelScale;
import org.jgan.eval.metric.Samples;
import org.jgan.tools.evaluation.EvalSamples;
import org.jgan.tools.run.GeneratedSamples;
import org.jgan.tools.run.QualityProbe;
import org.jgan.training.JganVersion;
import org.jgan.training.export.ModelMetadata;
import org.jgan.tools.progress.ProgressReporter;
import org.jgan.tools.progress.ProgressTask;
import org.jgan.tools.progress.ProgressUnit;
import org.jgan.training.RunConfig;

/**
 * {@code jgan eval}: scores a set of samples with every applicable metric and writes them with their
 * protocol. The metrics and their choice are the library's ({@link Evaluator}); this command reads
 * the samples, prints and writes.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Score samples from a run, an exported model, a .npy file or a folder of PNGs.",
        "Prints each metric with its protocol and writes them as JSON (--out)."})
public final class EvalCommand implements Callable<Integer> {
  /** The dataset {@code --text} samples imitate: character strings. */
  private static final String TEXT_DATASET = "text";

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** A generator (as jgan sample takes one), or samples already drawn. */
  static final class Source extends GeneratorSource {
    @Option(names = "--npy", required = true, description = ".npy file of images [N, H, W, C] or 2-D points [N, 2]")
    Path npy;

    @Option(names = "--png-dir", required = true, description = "folder of PNG images")
    Path pngDir;

    @Option(names = "--text", required = true, description = "text file of samples, one per line (character models)")
    Path text;
  }

  @Mixin
  CheckpointStep step;

  @Option(names = "--corpus", description = "with --text: the reference corpus, one string per line (default: DATA/text/fortunes.txt)")
  public Path corpus;

  @Option(names = "--dataset", description = "the data the samples imitate (needed with --npy and --png-dir)")
  String dataset;

  @Option(names = "--layout", defaultValue = "nhwc", description = "nhwc | nchw, for --npy images (default: ${DEFAULT-VALUE})")
  String layout;

  @Option(names = "--range", description = "unit | signed | byte: how --npy values map to [0, 1] (default: byte for uint8, else unit)")
  String range;

  @Option(names = "--n", description = "samples to draw from a generator (default: " + EvalSettings.IMAGE_SAMPLES
      + " for images, " + EvalSettings.TOY_SAMPLES + " for 2-D sets)")
  public Integer count;

  @Option(names = "--metrics", split = ",", description = "comma-separated subset of: ${COMPLETION-CANDIDATES}; default: every one that applies",
      completionCandidates = MetricNames.class)
  public List<String> metrics;

  @Option(names = "--classifier", description = "SavedModel of the metric classifier (jgan classifier train)")
  public Path classifier;

  @Option(names = "--data", description = DataCommand.DATA_HELP)
  Path data;

  @Option(names = "--seed", defaultValue = "" + EvalSettings.DEFAULT_SEED, description = "sampling and metric seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--split", description = "test | validation: the real images samples are scored against; validation"
      + " scores the validation images after the first " + EvalSettings.HELD_BACK + " (half of a smaller split), which then"
      + " choose settings such as Parzen's sigma, as --keep-best's quality/parzen_validation does (default: test)")
  String split;

  @Option(names = "--real-images", description = "score against only the first N real images of --split (default: all;"
      + " the in-training quality probe's Parzen scores " + QualityProbe.REAL_IMAGES + ")")
  Integer realImages;

  @Option(names = "--critic-steps", defaultValue = "" + EvalSettings.DEFAULT_CRITIC_STEPS, description = "independent critic training steps (default: ${DEFAULT-VALUE})")
  int criticSteps;

  @Option(names = "--threads", defaultValue = "" + EvalSettings.DEFAULT_THREADS, description = "TensorFlow intra-op"
      + " threads of the metrics (default: ${DEFAULT-VALUE} on every machine, since the independent critic's numbers"
      + " move with the count)")
  int threads;

  @Option(names = "--out", description = "JSON file for the results")
  Path out;

  @Option(names = "--quiet", description = "no progress output")
  boolean quiet;

  /** The registered metrics' names, for the command's help. */
  static final class MetricNames extends ArrayList<String> {
    MetricNames() {
      super(Metrics.names());
    }
  }

  @Override
  public Integer call() throws Exception {
    checkFlags();
    return evaluate();
  }

  /**
   * Checks the flags that can be checked without reading any input (an experiment checks its cells'
   * eval settings with it before anything runs); a bad value throws a ParameterException naming the flag.
   */
  public void checkFlags() {
    if (!layout.equals("nhwc") && !layout.equals("nchw")) {
      throw new ParameterException(spec.commandLine(), "--layout must be nhwc or nchw, got '" + layout + "'");
    }
    if (count != null && count < Samples.MIN_COUNT) {
      throw new ParameterException(spec.commandLine(), "--n must be at least " + Samples.MIN_COUNT + ", got " + count);
    }
    if (split != null && !split.equals("test") && !split.equals("validation")) {
      throw new ParameterException(spec.commandLine(), "--split must be test or validation, got '" + split + "'");
    }
    if (realImages != null && realImages < 1) {
      throw new ParameterException(spec.commandLine(), "--real-images must be at least 1, got " + realImages);
    }
    String threadProblem = Sessions.threadCountProblem("--threads", threads);
    if (threadProblem != null) {
      throw new ParameterException(spec.commandLine(), threadProblem);
    }
    if (criticSteps < 1) {
      throw new ParameterException(spec.commandLine(), "--critic-steps must be at least 1, got " + criticSteps);
    }
    for (String name : metrics != null ? metrics : List.<String>of()) {
      try {
        Metrics.named(name);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--metrics: " + e.getMessage());
      }
    }
  }

  private int evaluate() throws Exception {
    step.requireCheckpoint(spec, source.checkpoint);
    Samples samples = source.text != null
        ? Samples.text(EvaluationContext.readLines(source.text), TEXT_DATASET, source.text.toString()) : load();
    EvalSettings settings = new EvalSettings(DataDirectory.orDefault(data), classifier, corpus, seed, criticSteps,
        split == null ? EvalSettings.DEFAULT_SPLIT : org.jgan.data.Split.valueOf(split.toUpperCase()), realImages != null ? realImages : EvalSettings.ALL_IMAGES, threads);
    PrintWriter console = spec.commandLine().getOut();
    console.printf("evaluating %d samples of %s from %s%n", samples.count(), samples.dataset(), samples.source());
    console.flush();
    int total = Evaluator.choose(samples, metrics, settings).size();
    org.jgan.tools.progress.ProgressTask progress = org.jgan.tools.progress.ProgressReporter.forConsole(console, quiet)
        .start("metric", 0, total, org.jgan.tools.progress.ProgressUnit.ITEMS);
    EvaluationResult result = Evaluator.evaluate(samples, metrics, settings, progress::update);
    console.println();
    console.println("| metric | value |");
    console.println("|---|---|");
    for (Map.Entry<String, Map<String, Object>> metric : result.metrics().entrySet()) {
      console.println("| " + metric.getKey() + " | " + metric.getValue().get("summary") + " |");
    }
    console.println();
    if (out != null) {
      org.jgan.graphs.JsonFiles.writeWithoutNulls(out, result.document(JganVersion.VERSION));
      console.println("wrote " + out);
    }
    console.flush();
    return 0;
  }

  private Samples load() throws Exception {
    if (source.checkpoint != null || source.model != null) {
      String trainedOn = source.checkpoint != null ? RunConfig.read(RunConfig.in(source.checkpoint)).dataset()
          : ModelMetadata.read(source.model).dataset();
      int n = count != null ? count : EvalSettings.defaultSampleCount(trainedOn);
      GeneratedSamples all = source.checkpoint != null
          ? GeneratedSamples.fromCheckpoint(source.checkpoint, step.value(), n, seed,
              spec.commandLine().getErr()::println)
          : GeneratedSamples.fromModel(source.model, n, seed);
      String from = source.checkpoint != null ? step.describe(source.checkpoint) : source.model.toString();
      if (NamedDatasets.hasPalette(trainedOn)) {
        // Palette indices back to grey images, compared with MNIST.
        Path dataDir = DataDirectory.orDefault(data);
        float[] grey = NamedDatasets.palette(trainedOn, dataDir).decode(all.values());
        return new Samples(grey, n, new int[] {28, 28, 1}, trainedOn, from);
      }
      return EvalSamples.generated(all, from, seed);
    }
    if (dataset == null) {
      throw new ParameterException(spec.commandLine(), "--dataset is needed with --npy and --png-dir (known: "
          + String.join(", ", NamedDatasets.NAMES) + ")");
    }
    if (!NamedDatasets.NAMES.contains(dataset)) {
      throw new ParameterException(spec.commandLine(), "--dataset: unknown dataset '" + dataset + "'");
    }
    PixelScale r = null;
    if (range != null) {
      try {
        r = PixelScale.valueOf(range.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--range must be unit, signed or byte, got '" + range + "'");
      }
    }
    Samples loaded = source.npy != null ? EvalSamples.fromNpy(source.npy, dataset, layout.equals("nchw"), r)
        : EvalSamples.fromPngFolder(source.pngDir, dataset);
    return count != null ? loaded.first(count) : loaded;
  }
}
