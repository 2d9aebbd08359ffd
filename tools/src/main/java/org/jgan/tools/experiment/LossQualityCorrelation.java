package org.jgan.tools.experiment;

import org.jgan.training.RunConfig;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.eval.RankCorrelation;
import org.jgan.tools.figures.RunLog;
import org.jgan.tools.run.JsonLinesLog;

/**
 * Does a run's training loss track its sample quality? The WGAN paper's test (Arjovsky et al. 2017,
 * Figures 3-4): Spearman's rho between the loss and an independent quality probe
 * ({@code quality/...}, logged by {@code --quality-every}) over training. Each quality measurement
 * at step s is paired with the mean of the logged loss over (previous measurement, s], so the
 * loss's step-to-step noise is averaged the way the paper's median-filtered curves average it.
 */
public final class LossQualityCorrelation {
  /**
   * The losses the paper correlates, in the order they are looked for: the WGAN critic's
   * Wasserstein estimate, then a GAN discriminator's loss (alternating or simultaneous schedule).
   */
  public static final List<String> DEFAULT_LOSSES =
      List.of("critic/wasserstein_estimate", "discriminator/loss", "simultaneous/loss");

  /**
   * One run's correlation.
   *
   * @param loss the loss key correlated
   * @param quality the quality key correlated
   * @param points how many quality measurements had a loss to pair with
   * @param rho Spearman's rho, NaN with fewer than 2 points or a constant series
   */
  public record Result(String loss, String quality, int points, double rho) {}

  private LossQualityCorrelation() {}

  /**
   * The correlation in {@code log}; {@code loss} or {@code quality} null picks the first present of
   * {@link #DEFAULT_LOSSES}, or the first {@code quality/...} key that is not a validation score.
   */
  public static Result of(RunLog log, String loss, String quality) {
    String lossKey = loss != null ? loss : DEFAULT_LOSSES.stream().filter(log.scalars()::containsKey).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--loss: the log has none of " + DEFAULT_LOSSES + " (have: "
            + log.scalars().keySet() + ")"));
    String qualityKey = quality != null ? quality : log.scalars().keySet().stream()
        .filter(k -> k.startsWith("quality/") && !k.endsWith("_validation")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "--quality: the log has no quality/... scalar (train with --quality-every N)"));
    RunLog.Trace lossTrace = require(log, lossKey, "--loss");
    RunLog.Trace qualityTrace = require(log, qualityKey, "--quality");
    double[][] losses = lossTrace.finite();
    double[][] qualities = qualityTrace.finite();
    List<double[]> pairs = new ArrayList<>();
    double previous = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < qualities[0].length; i++) {
      double step = qualities[0][i];
      double sum = 0;
      int n = 0;
      for (int j = 0; j < losses[0].length; j++) {
        if (losses[0][j] > previous && losses[0][j] <= step) {
          sum += losses[1][j];
          n++;
        }
      }
      if (n > 0) {
        pairs.add(new double[] {sum / n, qualities[1][i]});
      }
      previous = step;
    }
    double rho = pairs.size() < 2 ? Double.NaN : RankCorrelation.spearman(
        pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
    return new Result(lossKey, qualityKey, pairs.size(), rho);
  }

  private static RunLog.Trace require(RunLog log, String key, String flag) {
    RunLog.Trace trace = log.scalars().get(key);
    if (trace == null) {
      throw new IllegalArgumentException(flag + ": the log has no scalar '" + key + "' (have: " + log.scalars().keySet() + ")");
    }
    return trace;
  }

  /**
   * A markdown table of every run under {@code dir}: an experiment folder (one row per cell, its
   * varying settings and seed first) or a single run folder (one row).
   */
  public static String table(Path dir, String loss, String quality) throws IOException {
    List<String> header = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    if (Files.isRegularFile(dir.resolve(JsonLinesLog.FILE))) {
      header.add("run");
      rows.add(row(List.of(dir.getFileName().toString()), of(RunLog.read(dir.resolve(JsonLinesLog.FILE)), loss, quality),
          objective(dir)));
    } else {
      ExperimentTable experiment = ExperimentTable.read(dir);
      List<String> settings = new ArrayList<>(experiment.varyingSettings());
      settings.add("seed");
      header.addAll(settings);
      for (JsonObject r : experiment.results()) {
        List<String> labels = new ArrayList<>();
        for (String s : settings) {
          labels.add(ExperimentTable.setting(r, s));
        }
        Path run = dir.resolve(r.get("cell").getAsString()).resolve(ExperimentRunner.RUN);
        rows.add(row(labels, of(RunLog.read(run.resolve(JsonLinesLog.FILE)), loss, quality), objective(run)));
      }
    }
    header.addAll(List.of("loss", "paper's quantity", "quality", "points", "rho (logged)", "rho (paper)"));
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n");
    out.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    out.append('\n').append(PlottedLoss.tableNote()).append('\n');
    return out.toString();
  }

  private static List<String> row(List<String> labels, Result result, String objective) {
    PlottedLoss plotted = PlottedLoss.of(objective, result.loss());
    List<String> row = new ArrayList<>(labels);
    row.add(result.loss());
    row.add(plotted.describe());
    row.add(result.quality());
    row.add(String.valueOf(result.points()));
    row.add(format(result.rho()));
    row.add(format(plotted.paperRho(result.rho())));
    return row;
  }

  private static String format(double rho) {
    return Double.isNaN(rho) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", rho);
  }

  /**
   * The objective {@code run}'s {@code config.json} records, or null when it has none (a bare log):
   * read as JSON, not checked as a whole configuration, since only the sign convention needs it.
   */
  private static String objective(Path run) throws IOException {
    Path config = RunConfig.in(run);
    if (!Files.isRegularFile(config)) {
      return null;
    }
    try {
      com.google.gson.JsonElement objective = com.google.gson.JsonParser.parseString(Files.readString(config))
          .getAsJsonObject().get("objective");
      return objective != null && objective.isJsonPrimitive() ? objective.getAsString() : null;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(config + ": not a valid run configuration: " + e.getMessage());
    }
  }
}
