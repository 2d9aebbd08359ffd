package org.jgan.tools.figures;

import java.awt.Color;

/**
 * One data series of a {@link Plot}, every point finite (figure builders drop NaN points and say
 * how many in the figure's notes).
 *
 * @param name the legend entry (unique within its plot)
 * @param colour its colour, from {@link Palette}
 * @param x the x values
 * @param y the y values, as many as x
 * @param style how it is drawn
 * @param inLegend whether it gets a legend entry
 */
public record Series(String name, Color colour, double[] x, double[] y, Style style, boolean inLegend) {
  /** How a series is drawn. */
  public enum Style {
    /** Points joined by a line. */
    LINE,
    /** Small dots, not joined. */
    DOTS,
    /** Large markers, for a few points that matter (modes, a chosen value). */
    MARKERS,
    /** A filled polygon: the outline of a band, upper edge left to right then lower edge back. */
    BAND
  }

  /** Checks that x and y pair up and hold only finite numbers. */
  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("series '" + name + "': point " + i + " is not finite");
      }
    }
  }

  /** A series shown in the legend. */
  public static Series of(String name, Color colour, double[] x, double[] y, Style style) {
    return new Series(name, colour, x, y, style, true);
  }
}
