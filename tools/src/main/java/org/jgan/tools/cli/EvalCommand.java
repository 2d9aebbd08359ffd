package org.jgan.tools.cli;

import org.jgan.data.fetch.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgan.data.NamedDatasets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.tools.evaluation.EvalMetrics;
import org.jgan.tools.evaluation.EvalSamples;
import org.jgan.tools.run.GeneratedSamples;
import org.jgan.tools.Jgan;
import org.jgan.tools.run.ModelMetadata;
import org.jgan.tools.run.RunConfig;
import org.jgan.tools.progress.ProgressReporter;
import org.jgan.tools.progress.ProgressTask;
import org.jgan.tools.progress.ProgressUnit;

/** {@code jgan eval}: scores a set of samples with every applicable metric and writes them with their protocol. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Score samples from a run, an exported model, a .npy file or a folder of PNGs.",
        "Prints each metric with its protocol and writes them as JSON (--out)."})
public final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--checkpoint", required = true, description = "run folder (its latest checkpoint)")
    Path checkpoint;

    @Option(names = "--model", required = true,
        description = "model written by jgan export: its base folder (newest version) or a version folder")
    Path model;

    @Option(names = "--npy", required = true, description = ".npy file of images [N, H, W, C] or 2-D points [N, 2]")
    Path npy;

    @Option(names = "--png-dir", required = true, description = "folder of PNG images")
    Path pngDir;

    @Option(names = "--text", required = true, description = "text file of samples, one per line (character models)")
    Path text;
  }

  @Option(names = "--corpus", description = "with --text: the reference corpus, one string per line (default: DATA/text/fortunes.txt)")
  public Path corpus;

  @Option(names = "--dataset", description = "the data the samples imitate (needed with --npy and --png-dir)")
  String dataset;

  @Option(names = "--layout", defaultValue = "nhwc", description = "nhwc | nchw, for --npy images (default: ${DEFAULT-VALUE})")
  String layout;

  @Option(names = "--range", description = "unit | signed | byte: how --npy values map to [0, 1] (default: byte for uint8, else unit)")
  String range;

  @Option(names = "--n", description = "samples to draw from a generator (default: 10000 for images, 2500 for 2-D sets)")
  public Integer count;

  @Option(names = "--metrics", split = ",", description = "comma-separated subset of: ${COMPLETION-CANDIDATES}; default: every one that applies",
      completionCandidates = EvalMetrics.Names.class)
  public List<String> metrics;

  @Option(names = "--classifier", description = "SavedModel of the metric classifier (jgan classifier train)")
  public Path classifier;

  @Option(names = "--data", description = DataCommand.DATA_HELP)
  Path data;

  @Option(names = "--seed", defaultValue = "0", description = "sampling and metric seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--critic-steps", defaultValue = "2000", description = "independent critic training steps (default: ${DEFAULT-VALUE})")
  int criticSteps;

  @Option(names = "--out", description = "JSON file for the results")
  Path out;

  @Option(names = "--quiet", description = "no progress output")
  boolean quiet;

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
    if (count != null && count < EvalSamples.MIN_COUNT) {
      throw new ParameterException(spec.commandLine(), "--n must be at least " + EvalSamples.MIN_COUNT + ", got " + count);
    }
    if (criticSteps < 1) {
      throw new ParameterException(spec.commandLine(), "--critic-steps must be at least 1, got " + criticSteps);
    }
    for (String name : metrics != null ? metrics : List.<String>of()) {
      if (!EvalMetrics.NAMES.contains(name)) {
        throw new ParameterException(spec.commandLine(), "--metrics: unknown metric '" + name + "' (known: "
            + EvalMetrics.NAMES_TEXT + ")");
      }
    }
  }

  private int evaluate() throws Exception {
    if (source.text != null) {
      return evaluateText(readLines(source.text), source.text.toString());
    }
    EvalSamples samples = load();
    if (NamedDatasets.isText(samples.dataset())) {
      // A character generator's samples are one-hot probabilities: decode them and compare text.
      return evaluateText(org.jgan.data.TextSequences.decode(samples.values(), samples.count()), samples.source());
    }
    List<String> chosen = metrics != null ? metrics : EvalMetrics.applicable(samples.dataset(), classifier != null);
    Path dataDir = DataDirectory.orDefault(data);
    EvalMetrics suite = new EvalMetrics(samples, dataDir, classifier, seed, criticSteps);
    PrintWriter console = spec.commandLine().getOut();
    console.printf("evaluating %d samples of %s from %s%n", samples.count(), samples.dataset(), samples.source());
    console.flush();
    Map<String, Object> results = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    org.jgan.tools.progress.ProgressTask progress = org.jgan.tools.progress.ProgressReporter.forConsole(console, quiet)
        .start("metric", 0, chosen.size(), org.jgan.tools.progress.ProgressUnit.ITEMS);
    try {
      for (String name : chosen) {
        progress.update(results.size(), "computing " + name);
        Map<String, Object> result = suite.run(name);
        results.put(name, result);
        rows.add(new String[] {name, String.valueOf(result.get("summary"))});
        progress.update(results.size(), name + " done");
      }
    } finally {
      suite.close();
    }
    console.println();
    console.println("| metric | value |");
    console.println("|---|---|");
    for (String[] row : rows) {
      console.println("| " + row[0] + " | " + row[1] + " |");
    }
    console.println();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("jgan_version", Jgan.VERSION);
    document.put("dataset", samples.dataset());
    document.put("source", samples.source());
    document.put("samples", samples.count());
    document.put("seed", seed);
    document.put("metrics", results);
    if (out != null) {
      org.jgan.graphs.JsonFiles.writeWithoutNulls(out, document);
      console.println("wrote " + out);
    }
    console.flush();
    return 0;
  }

  /** Character n-gram Jensen-Shannon divergence of text samples against the corpus. */
  private int evaluateText(List<String> samples, String sourceName) throws Exception {
    if (metrics != null && !metrics.equals(List.of("text"))) {
      throw new ParameterException(spec.commandLine(), "--text samples take only --metrics text");
    }
    Path reference = corpus;
    if (reference == null) {
      Path dataDir = DataDirectory.orDefault(data);
      if (dataDir == null) {
        throw new ParameterException(spec.commandLine(), "--text needs --corpus FILE, --data DIR or JGAN_DATA");
      }
      reference = NamedDatasets.textCorpus(dataDir);
    }
    List<String> corpusLines = readLines(reference);
    org.jgan.eval.NgramDivergence.Result result = org.jgan.eval.NgramDivergence.between(samples, corpusLines);
    Map<String, Object> text = new LinkedHashMap<>();
    double mean = 0;
    for (int n : result.orders()) {
      text.put("js_" + n, result.divergence(n));
      mean += result.divergence(n) / result.orders().length;
    }
    text.put("mean", mean);
    text.put("summary", String.format("mean JS %.4f nats over n = 1..%d", mean, result.orders().length));
    text.put("protocol", "Jensen-Shannon divergence (nats) between character n-gram distributions of "
        + samples.size() + " samples and " + corpusLines.size() + " corpus strings (" + reference + "), n-grams within strings");
    PrintWriter console = spec.commandLine().getOut();
    console.printf("| metric | value |%n|---|---|%n| text | %s |%n", text.get("summary"));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("jgan_version", Jgan.VERSION);
    document.put("dataset", "text");
    document.put("source", sourceName);
    document.put("samples", samples.size());
    document.put("metrics", Map.of("text", text));
    if (out != null) {
      org.jgan.graphs.JsonFiles.writeWithoutNulls(out, document);
    }
    console.flush();
    return 0;
  }

  private static List<String> readLines(Path file) throws java.io.IOException {
    try {
      return Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": file not found");
    }
  }

  private EvalSamples load() throws Exception {
    if (source.checkpoint != null || source.model != null) {
      String trainedOn = source.checkpoint != null ? RunConfig.read(source.checkpoint.resolve("config.json")).dataset()
          : ModelMetadata.read(source.model).dataset();
      int n = count != null ? count : NamedDatasets.isToy(trainedOn) ? 2500 : 10_000;
      GeneratedSamples all = source.checkpoint != null
          ? GeneratedSamples.fromCheckpoint(source.checkpoint, n, seed, spec.commandLine().getErr()::println)
          : GeneratedSamples.fromModel(source.model, n, seed);
      String from = String.valueOf(source.checkpoint != null ? source.checkpoint : source.model);
      if (trainedOn.equals("quantized-mnist")) {
        // Palette indices back to grey images, compared with MNIST.
        Path dataDir = DataDirectory.orDefault(data);
        if (dataDir == null) {
          throw new IllegalArgumentException("quantized-mnist samples decode with the palette of the data: pass --data DIR or set JGAN_DATA");
        }
        float[] grey = NamedDatasets.palette(trainedOn, dataDir).decode(all.values());
        return new EvalSamples(grey, n, new int[] {28, 28, 1}, trainedOn, from);
      }
      return EvalSamples.generated(all, from);
    }
    if (dataset == null) {
      throw new ParameterException(spec.commandLine(), "--dataset is needed with --npy and --png-dir (known: "
          + String.join(", ", NamedDatasets.NAMES) + ")");
    }
    if (!NamedDatasets.NAMES.contains(dataset)) {
      throw new ParameterException(spec.commandLine(), "--dataset: unknown dataset '" + dataset + "'");
    }
    EvalSamples.Range r = null;
    if (range != null) {
      try {
        r = EvalSamples.Range.valueOf(range.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--range must be unit, signed or byte, got '" + range + "'");
      }
    }
    EvalSamples loaded = source.npy != null ? EvalSamples.fromNpy(source.npy, dataset, layout.equals("nchw"), r)
        : EvalSamples.fromPngFolder(source.pngDir, dataset);
    return count != null ? loaded.first(count) : loaded;
  }
}
