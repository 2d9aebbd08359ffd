package org.jgan.tools.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The EBGAN paper's Figure 2: how one score is spread over a grid of runs, one histogram panel per
 * group (objective) on bins shared by every group and one count axis, so the panels read against
 * each other.
 */
public final class HistogramFigure {
  private HistogramFigure() {}

  /**
   * The figure of {@code counts} (group label, {@code setting=value}, to its count per bin) on
   * the shared {@code bins} (their labels, lowest first).
   */
  public static Figure of(String title, String metric, List<String> bins, Map<String, int[]> counts) {
    int tallest = 1;
    for (int[] c : counts.values()) {
      tallest = Math.max(tallest, Arrays.stream(c).max().orElse(0));
    }
    Axis runs = new Axis("runs", 0, tallest, false);
    List<Panel> panels = new ArrayList<>();
    for (Map.Entry<String, int[]> group : counts.entrySet()) {
      double[] heights = Arrays.stream(group.getValue()).asDoubleStream().toArray();
      panels.add(new Bars(group.getKey() + " (n=" + Arrays.stream(group.getValue()).sum() + ")", metric, bins, heights,
          runs, Palette.of(valueOf(group.getKey()))));
    }
    return new Figure(title, 1, Figure.WIDTH, 220, panels, List.of());
  }

  /** The value part of a {@code setting=value} label, which picks the colour (an objective's own). */
  static String valueOf(String label) {
    int eq = label.indexOf('=');
    return eq < 0 ? label : label.substring(eq + 1);
  }
}
