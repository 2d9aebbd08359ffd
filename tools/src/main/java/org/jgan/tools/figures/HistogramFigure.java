package org.jgan.tools.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The EBGAN paper's Figure 2: how one score is spread over a grid of runs, one histogram panel per
 * group (objective) on bins shared by every group, each bar the share of its group's runs in percent
 * (the paper's "portion of the models"), so groups of different sizes (96 GAN runs, 16 EBGAN) read
 * against each other on one axis.
 */
public final class HistogramFigure {
  private HistogramFigure() {}

  /**
   * The figure of {@code counts} (group label, {@code setting=value}, to its count per bin) on
   * the shared {@code bins} (their labels, lowest first).
   */
  public static Figure of(String title, String metric, List<String> bins, Map<String, int[]> counts) {
    double tallest = 1;
    Map<String, double[]> shares = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, int[]> group : counts.entrySet()) {
      double[] percent = percentOfGroup(group.getValue());
      shares.put(group.getKey(), percent);
      tallest = Math.max(tallest, Arrays.stream(percent).max().orElse(0));
    }
    Axis share = new Axis("% of runs", 0, tallest, false);
    List<Panel> panels = new ArrayList<>();
    for (Map.Entry<String, double[]> group : shares.entrySet()) {
      panels.add(new Bars(group.getKey() + " (n=" + Arrays.stream(counts.get(group.getKey())).sum() + ")", metric, bins,
          group.getValue(), share, Palette.of(valueOf(group.getKey()))));
    }
    return new Figure(title, 1, Figure.WIDTH, 220, panels, List.of());
  }

  /** Each bin's count as a percentage of the group's runs (all 0 for an empty group): the bars' heights. */
  public static double[] percentOfGroup(int[] counts) {
    int runs = Arrays.stream(counts).sum();
    return Arrays.stream(counts).mapToDouble(c -> runs == 0 ? 0 : 100.0 * c / runs).toArray();
  }

  /**
   * The first value of a {@code setting=value, ...} label, which picks the colour (an objective's own,
   * so EBGAN with and without the pulling-away term share EBGAN's).
   */
  static String valueOf(String label) {
    int eq = label.indexOf('=');
    String value = eq < 0 ? label : label.substring(eq + 1);
    int next = value.indexOf(", ");
    return next < 0 ? value : value.substring(0, next);
  }
}
