package org.jgan.tools.figures;

import java.util.List;

/**
 * An x-y chart: lines, dots, markers and bands on two axes, with a grid and a legend.
 *
 * @param title the panel's title
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param series what is drawn, in drawing order (bands first so lines lie on top)
 */
public record Plot(String title, Axis x, Axis y, List<Series> series) implements Panel {
  /** Copies the list. */
  public Plot {
    series = List.copyOf(series);
  }

  /** The series named {@code name}. */
  public Series series(String name) {
    return series.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no series '" + name + "' in panel '" + title + "'"));
  }
}
