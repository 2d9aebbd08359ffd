package org.jgan.tools.figures;

/**
 * One axis of a {@link Plot}: its title and the range it shows.
 *
 * @param title what the axis measures, printed beside it
 * @param min the lowest value shown
 * @param max the highest value shown
 * @param log true for a logarithmic scale (only for positive ranges)
 */
public record Axis(String title, double min, double max, boolean log) {
  /** Checks the range: finite, ordered, and positive on a log scale. */
  public Axis {
    if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("axis '" + title + "': range [" + min + ", " + max + "] is empty or not finite");
    }
    if (log && min <= 0) {
      throw new IllegalArgumentException("axis '" + title + "': a log scale needs a positive range, got " + min);
    }
  }

  /** A linear axis over {@code [min, max]}, widened to one unit around a single value. */
  public static Axis linear(String title, double min, double max) {
    return min == max ? new Axis(title, min - 0.5, max + 0.5, false) : new Axis(title, min, max, false);
  }

  /**
   * The training-iteration axis of logs from step {@code first} to {@code last}: from 0 when the
   * log starts near it, so the ticks fall on round iterations.
   */
  public static Axis iterations(double first, double last) {
    return linear("generator iteration", first >= 0 && first <= (last - first) / 5 ? 0 : first, last);
  }

  /**
   * The axis for values from {@code min} to {@code max}: logarithmic when they are positive and span
   * at least {@value #DECADES_FOR_LOG} decades (a linear axis would flatten the small ones), else
   * linear with a twentieth of the span as margin so no line runs along the frame.
   */
  public static Axis fitting(String title, double min, double max) {
    if (min > 0 && max / min >= Math.pow(10, DECADES_FOR_LOG)) {
      return new Axis(title, min, max, true);
    }
    double margin = min == max ? Math.max(Math.abs(min) * 0.05, 0.5) : (max - min) / 20;
    return new Axis(title, min - margin, max + margin, false);
  }

  /** How many decades a positive range spans before {@link #fitting} draws it on a log scale. */
  public static final int DECADES_FOR_LOG = 2;
}
