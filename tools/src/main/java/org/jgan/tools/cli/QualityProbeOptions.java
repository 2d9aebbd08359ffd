package org.jgan.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.data.NamedDatasets;
import org.jgan.eval.metric.Metric;
import org.jgan.eval.metric.Metrics;
import org.jgan.tools.run.QualityProbe;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code jgan train}'s choice of what {@code --quality-every} scores. */
final class QualityProbeOptions {
  @Option(names = "--quality-metric", defaultValue = QualityProbe.METRIC,
      description = "metric of eval's registry that --quality-every scores on 1,000 samples, logged as quality/<metric>:"
          + " parzen (rewards blur), fid or kid (metric classifier features; need --quality-classifier), ... (default: ${DEFAULT-VALUE})")
  String metric = QualityProbe.METRIC;

  @Option(names = "--quality-classifier", description = "metric classifier folder (jgan classifier train) for --quality-metric fid, kid, ...")
  Path classifier;

  /** Refuses an unknown metric, one that does not apply to {@code dataset}, or a missing classifier, naming the flag. */
  void check(CommandLine cl, String dataset, int qualityEvery, boolean keepBest) {
    Metric chosen;
    try {
      chosen = Metrics.named(metric);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--quality-metric: " + e.getMessage());
    }
    if (qualityEvery == 0 || NamedDatasets.isMultinomial(dataset) || metric.equals(QualityProbe.METRIC)) {
      return; // nothing is probed, or QualityProbe scores Parzen on any points or images and refuses the rest itself
    }
    String refusal = chosen.refusal(org.jgan.eval.metric.DataKind.of(dataset), dataset);
    if (refusal != null) {
      throw new ParameterException(cl, "--quality-metric: " + refusal);
    }
    if (chosen.needsClassifier() && classifier == null) {
      throw new ParameterException(cl, "--quality-metric " + metric + " needs --quality-classifier DIR (jgan classifier train)");
    }
    if (keepBest && !metric.equals(QualityProbe.METRIC)) {
      throw new ParameterException(cl, "--keep-best selects on the validation Parzen score: use it with --quality-metric "
          + QualityProbe.METRIC + ", not " + metric);
    }
  }

  /** Refuses a classifier folder that does not exist; run time only, as experiment files are checked elsewhere. */
  void checkClassifierExists(CommandLine cl) {
    if (classifier != null && !Files.isDirectory(classifier)) {
      throw new ParameterException(cl, "--quality-classifier: " + classifier + ": folder not found");
    }
  }
}
