package org.jgan.tools.figures;

import java.awt.Color;
import java.util.List;

/**
 * A bar chart over named bins (a histogram panel: counts, or shares of a group's runs).
 *
 * @param title the panel's title
 * @param xTitle what the bins are
 * @param bins one label per bar
 * @param heights one height per bar
 * @param y the height axis (panels of one figure share it, so heights compare)
 * @param colour the bars' colour
 */
public record Bars(String title, String xTitle, List<String> bins, double[] heights, Axis y, Color colour)
    implements Panel {
  /** Checks that every bin has a height. */
  public Bars {
    bins = List.copyOf(bins);
    if (bins.size() != heights.length) {
      throw new IllegalArgumentException("panel '" + title + "': " + bins.size() + " bins but " + heights.length + " heights");
    }
  }
}
