package org.jgan.tools.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parzen window's choice of sigma made visible: for each run, the mean log-likelihood of the
 * validation points at every candidate sigma (log axis), and the sigma chosen (the highest) marked.
 */
public final class ParzenSigmaFigure {
  /**
   * One run's sigma search, as its eval JSON records it.
   *
   * @param label the legend entry (the run's settings)
   * @param colour its colour (its objective's, from {@link Palette})
   * @param sigmas the candidate widths
   * @param validationMeans the mean validation log-likelihood at each
   * @param chosen the sigma the estimate used
   */
  public record Search(String label, java.awt.Color colour, double[] sigmas, double[] validationMeans, double chosen) {}

  private ParzenSigmaFigure() {}

  /** One panel with a curve per run and the chosen sigmas marked; non-finite values are skipped and counted. */
  public static Figure of(String title, List<Search> searches) {
    List<Series> series = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<double[]> chosen = new ArrayList<>();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Search s : searches) {
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < s.sigmas().length; i++) {
        double v = s.validationMeans()[i];
        if (Double.isFinite(v) && s.sigmas()[i] > 0) {
          points.add(new double[] {s.sigmas()[i], v});
          minX = Math.min(minX, s.sigmas()[i]);
          maxX = Math.max(maxX, s.sigmas()[i]);
          minY = Math.min(minY, v);
          maxY = Math.max(maxY, v);
          if (s.sigmas()[i] == s.chosen()) {
            chosen.add(new double[] {s.chosen(), v});
          }
        }
      }
      if (points.size() < s.sigmas().length) {
        notes.add(s.label() + ": " + (s.sigmas().length - points.size()) + " sigma(s) with no finite likelihood, not drawn");
      }
      if (!points.isEmpty()) {
        series.add(Series.of(s.label(), s.colour(), points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray(), Series.Style.LINE));
      }
    }
    if (series.isEmpty()) {
      notes.add("no Parzen sigma search recorded");
      return Figure.stacked(title, List.of(), notes);
    }
    series.add(Series.of("chosen sigma", Palette.MARK, chosen.stream().mapToDouble(p -> p[0]).toArray(),
        chosen.stream().mapToDouble(p -> p[1]).toArray(), Series.Style.MARKERS));
    Axis x = minX == maxX ? Axis.linear("Parzen sigma", minX, maxX) : new Axis("Parzen sigma", minX, maxX, true);
    Plot plot = new Plot("validation log-likelihood against sigma", x,
        Axis.fitting("mean validation log-likelihood (nats)", minY, maxY), series);
    return new Figure(title, 1, Figure.WIDTH + 200, 380, List.of(plot), notes);
  }
}
