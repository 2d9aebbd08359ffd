package org.jgan.tools.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's losses above its sample-quality probe, the WGAN paper's Figures 3 and 4: one panel per
 * loss (each phase on its own scale, so a critic loss of -0.2 is not flattened under a generator
 * loss of 13), then one per {@code quality/...} scalar, all on the same step axis.
 */
public final class LossFigure {
  private LossFigure() {}

  /** The figure of {@code log}, drawn in {@code objective}'s colour. */
  public static Figure of(RunLog log, String title, String objective) {
    List<String> keys = log.lossAndQualityKeys();
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    for (String key : keys) {
      double[] steps = log.scalars().get(key).finite()[0];
      for (double s : steps) {
        first = Math.min(first, s);
        last = Math.max(last, s);
      }
    }
    List<Panel> panels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (first > last) {
      notes.add("no finite loss logged");
      return Figure.stacked(title, panels, notes);
    }
    Axis steps = Axis.iterations(first, last);
    Color colour = Palette.of(objective);
    for (String key : keys) {
      RunLog.Trace trace = log.scalars().get(key);
      double[][] finite = trace.finite();
      if (trace.nonFinite() > 0) {
        notes.add(key + ": " + trace.nonFinite() + " of " + trace.values().length + " logged values are NaN or infinite, not drawn");
      }
      if (finite[0].length == 0) {
        continue;
      }
      String label = key.startsWith("quality/") ? key + " (quality probe)" : key;
      panels.add(new Plot(label, steps, valueAxis(key, finite[1]),
          List.of(Series.of(key, colour, finite[0], finite[1], Series.Style.LINE))));
    }
    return Figure.stacked(title, panels, notes);
  }

  /** The value axis of {@code values}: their range, on a log scale where they span decades. */
  static Axis valueAxis(String title, double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return Axis.fitting(title, min, max);
  }
}
