package org.jgan.tools.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Logged scalars across the cells of an experiment: for each group of runs (a cell's seeds), the
 * mean over seeds at every logged step as a line, and mean +- std (over seeds, n - 1) as a band;
 * one panel per scalar, so each keeps its own scale.
 */
public final class SeedBandFigure {
  /**
   * The runs of one cell.
   *
   * @param label the legend entry (the cell's settings)
   * @param colour its colour (its objective's, from {@link Palette})
   * @param logs one log per seed
   */
  public record Group(String label, java.awt.Color colour, List<RunLog> logs) {}

  private SeedBandFigure() {}

  /** One panel per scalar in {@code scalars}; non-finite values are left out of the mean and counted in the notes. */
  public static Figure of(String title, List<String> scalars, List<Group> groups) {
    List<Plot> plots = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String scalar : scalars) {
      List<Series> bands = new ArrayList<>();
      List<Series> lines = new ArrayList<>();
      double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      for (Group g : groups) {
        Map<Double, List<Double>> byStep = new TreeMap<>();
        int skipped = 0;
        for (RunLog log : g.logs()) {
          RunLog.Trace trace = log.scalars().get(scalar);
          if (trace == null) {
            continue;
          }
          for (int i = 0; i < trace.steps().length; i++) {
            if (Double.isFinite(trace.values()[i])) {
              byStep.computeIfAbsent(trace.steps()[i], k -> new ArrayList<>()).add(trace.values()[i]);
            } else {
              skipped++;
            }
          }
        }
        if (skipped > 0) {
          notes.add(scalar + ", " + g.label() + ": " + skipped + " NaN or infinite values left out of the mean");
        }
        if (byStep.isEmpty()) {
          continue;
        }
        int n = byStep.size();
        double[] steps = new double[n];
        double[] mean = new double[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : byStep.entrySet()) {
          double[] stat = meanStd(e.getValue());
          steps[i] = e.getKey();
          mean[i] = stat[0];
          upper[i] = stat[0] + stat[1];
          lower[i] = stat[0] - stat[1];
          range[0] = Math.min(range[0], steps[i]);
          range[1] = Math.max(range[1], steps[i]);
          range[2] = Math.min(range[2], lower[i]);
          range[3] = Math.max(range[3], upper[i]);
          i++;
        }
        java.awt.Color colour = g.colour();
        bands.add(new Series(g.label() + " +- std", Palette.translucent(colour, 60), outline(steps, steps),
            outline(upper, lower), Series.Style.BAND, false));
        lines.add(Series.of(g.label() + " (" + g.logs().size() + (g.logs().size() == 1 ? " seed)" : " seeds)"), colour, steps, mean, Series.Style.LINE));
      }
      if (lines.isEmpty()) {
        notes.add(scalar + ": not logged by any run");
        continue;
      }
      List<Series> series = new ArrayList<>(bands);
      series.addAll(lines);
      plots.add(new Plot(scalar + ", mean +- std over seeds", Axis.iterations(range[0], range[1]),
          Axis.fitting(scalar, range[2], range[3]), series));
    }
    // One step axis for every panel, as in the loss figure, so the panels line up.
    double first = plots.stream().mapToDouble(p -> p.x().min()).min().orElse(0);
    double last = plots.stream().mapToDouble(p -> p.x().max()).max().orElse(1);
    List<Panel> panels = new ArrayList<>();
    for (Plot p : plots) {
      panels.add(new Plot(p.title(), Axis.iterations(first, last), p.y(), p.series()));
    }
    return new Figure(title, 1, Figure.WIDTH + 240, Figure.HEIGHT, panels, notes);
  }

  /** The losses and quality probes any of the logs has, losses first: the default scalars. */
  public static List<String> loggedScalars(List<Group> groups) {
    Map<String, Boolean> keys = new LinkedHashMap<>();
    for (Group g : groups) {
      for (RunLog log : g.logs()) {
        log.lossAndQualityKeys().forEach(k -> keys.put(k, true));
      }
    }
    return List.copyOf(keys.keySet());
  }

  /** The x (or y) values of a band's outline: {@code top} left to right, then {@code bottom} right to left. */
  private static double[] outline(double[] top, double[] bottom) {
    int n = top.length;
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      out[i] = top[i];
      out[2 * n - 1 - i] = bottom[i];
    }
    return out;
  }

  /** Mean and sample standard deviation (0 for one value). */
  static double[] meanStd(List<Double> values) {
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    if (values.size() < 2) {
      return new double[] {mean, 0};
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return new double[] {mean, Math.sqrt(ss / (values.size() - 1))};
  }
}
