package org.jgan.tools.figures;

import java.awt.Color;
import java.util.List;

/**
 * A bar chart of counts over named bins (a histogram panel).
 *
 * @param title the panel's title
 * @param xTitle what the bins are
 * @param bins one label per bar
 * @param counts one height per bar
 * @param y the count axis (panels of one figure share it, so heights compare)
 * @param colour the bars' colour
 */
public record Bars(String title, String xTitle, List<String> bins, double[] counts, Axis y, Color colour)
    implements Panel {
  /** Checks that every bin has a count. */
  public Bars {
    bins = List.copyOf(bins);
    if (bins.size() != counts.length) {
      throw new IllegalArgumentException("panel '" + title + "': " + bins.size() + " bins but " + counts.length + " counts");
    }
  }
}
