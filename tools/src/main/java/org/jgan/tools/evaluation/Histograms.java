package org.jgan.tools.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.tools.experiment.ExperimentTable;
import org.jgan.tools.figures.HistogramFigure;

/**
 * Histograms of one metric over an experiment's runs, one per group (the EBGAN paper's Figure 2:
 * how a score is spread over a grid of settings, GAN against EBGAN). All groups share the bins, so
 * the histograms can be read against each other: {@code bins} equal bins from the smallest to the
 * largest value over every group, the largest value in the last bin. When every value is the same
 * the bins span that value +- 0.5.
 */
public record Histograms(double[] edges, Map<String, int[]> counts) {

  /** Bins {@code values} (group -> its runs' values, in the order groups should be shown). */
  public static Histograms of(Map<String, List<Double>> values, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("--bins must be at least 1, got " + bins);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (List<Double> group : values.values()) {
      for (double v : group) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      throw new IllegalArgumentException("no values to bin");
    }
    if (min == max) {
      min -= 0.5;
      max += 0.5;
    }
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = i == bins ? max : min + (max - min) * i / bins;
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> group : values.entrySet()) {
      int[] c = new int[bins];
      for (double v : group.getValue()) {
        c[Math.min(bins - 1, (int) Math.floor((v - min) / (max - min) * bins))]++;
      }
      counts.put(group.getKey(), c);
    }
    return new Histograms(edges, counts);
  }

  /** The largest count in any bin of any group. */
  public int tallest() {
    int tallest = 0;
    for (int[] c : counts.values()) {
      for (int n : c) {
        tallest = Math.max(tallest, n);
      }
    }
    return tallest;
  }

  /** Each bin as {@code [low, high)}, the last as {@code [low, high]} since it holds the largest value. */
  public List<String> binLabels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i + 1 < edges.length; i++) {
      labels.add("[" + ExperimentTable.Stat.round(edges[i]) + ", " + ExperimentTable.Stat.round(edges[i + 1])
          + (i + 2 == edges.length ? "]" : ")"));
    }
    return labels;
  }

  /** One line per group: its runs, then each bin as {@code [low, high) count (percent of the group's runs)}, the figure's bar. */
  public String text(String title) {
    StringBuilder out = new StringBuilder(title).append('\n');
    List<String> labels = binLabels();
    for (Map.Entry<String, int[]> group : counts.entrySet()) {
      int[] c = group.getValue();
      int runs = java.util.Arrays.stream(c).sum();
      double[] percent = HistogramFigure.percentOfGroup(c);
      List<String> bins = new ArrayList<>();
      for (int i = 0; i < c.length; i++) {
        bins.add(String.format(java.util.Locale.ROOT, "%s %d (%.0f%%)", labels.get(i), c[i], percent[i]));
      }
      out.append(String.format("%s (n=%d): %s%n", group.getKey(), runs, String.join(" | ", bins)));
    }
    return out.toString();
  }
}
