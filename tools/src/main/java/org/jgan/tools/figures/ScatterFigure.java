package org.jgan.tools.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples of a 2-D generator over points of the real distribution, the real mixture's modes marked:
 * whether the generator covers every mode and how tightly, at a glance.
 */
public final class ScatterFigure {
  /** Side of the square scatter figure. */
  public static final int SIZE = 560;

  private ScatterFigure() {}

  /**
   * The panel: real points (grey), samples (in {@code colour}), modes (black markers;
   * none for a distribution without modes), on the square of half-width {@code extent}. Points
   * outside the square or not finite are left out and counted in {@code notes}.
   */
  public static Plot panel(String title, float[] real, float[] samples, List<double[]> modes, double extent,
      Color colour, List<String> notes) {
    List<Series> series = new ArrayList<>();
    points(title, "real data", real, extent, Palette.translucent(Palette.REAL, 110), notes).ifPresent(series::add);
    points(title, "samples", samples, extent, Palette.translucent(colour, 140), notes).ifPresent(series::add);
    if (!modes.isEmpty()) {
      double[] x = modes.stream().mapToDouble(m -> m[0]).toArray();
      double[] y = modes.stream().mapToDouble(m -> m[1]).toArray();
      series.add(Series.of("modes", Palette.MARK, x, y, Series.Style.MARKERS));
    }
    return new Plot(title, new Axis("x1", -extent, extent, false), new Axis("x2", -extent, extent, false), series);
  }

  /** A figure of the single {@link #panel}. */
  public static Figure of(String title, float[] real, float[] samples, List<double[]> modes, double extent,
      Color colour) {
    List<String> notes = new ArrayList<>();
    Plot plot = panel(title, real, samples, modes, extent, colour, notes);
    return new Figure(title, 1, SIZE, SIZE - 60, List.of(plot), notes);
  }

  /** The points inside the square as a series; empty when none is (a generator blown far off, say), which the note says. */
  private static java.util.Optional<Series> points(String panel, String name, float[] xy, double extent, Color colour,
      List<String> notes) {
    int n = xy.length / 2;
    double[] x = new double[n];
    double[] y = new double[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      double a = xy[2 * i];
      double b = xy[2 * i + 1];
      if (Double.isFinite(a) && Double.isFinite(b) && Math.abs(a) <= extent && Math.abs(b) <= extent) {
        x[kept] = a;
        y[kept++] = b;
      }
    }
    if (kept < n) {
      notes.add(panel + ", " + name + ": " + (n - kept) + " of " + n + " points outside [-" + extent + ", " + extent + "]^2 or not finite, not drawn");
    }
    return kept == 0 ? java.util.Optional.empty()
        : java.util.Optional.of(Series.of(name, colour, java.util.Arrays.copyOf(x, kept), java.util.Arrays.copyOf(y, kept),
            Series.Style.DOTS));
  }
}
