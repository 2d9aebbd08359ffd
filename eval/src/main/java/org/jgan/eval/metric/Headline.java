package org.jgan.eval.metric;

/**
 * A number a metric's results lead with: the field of its result that a table shows, and which
 * direction is better.
 *
 * @param field the key in the metric's result map (for example {@code "fid"})
 * @param higherIsBetter true when a larger value is better
 * @param ownError the key of the metric's own standard error of this number, or null when it has none
 */
public record Headline(String field, boolean higherIsBetter, String ownError) {
  /** A headline without its own standard error. */
  public static Headline higherIsBetter(String field) {
    return new Headline(field, true, null);
  }

  /** A headline without its own standard error, where lower values are better. */
  public static Headline lowerIsBetter(String field) {
    return new Headline(field, false, null);
  }
}
