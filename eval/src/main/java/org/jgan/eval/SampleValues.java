package org.jgan.eval;

/**
 * Checks that samples can be scored before any metric sees them: every metric here turns a NaN
 * into a finite-looking number (an Inception score of 1, a large FID) and a value outside the pixel
 * range into a wildly wrong one, so such samples are refused instead, naming the first bad value.
 */
public final class SampleValues {
  /**
   * How far a value may lie outside its declared range, as a share of the range's width: enough for
   * float rounding (a tanh output mapped to [0, 1] can land a few ulps outside), far too little to
   * let 0..255 values pass as [0, 1].
   */
  public static final double RANGE_TOLERANCE = 1e-3;

  private SampleValues() {}

  /**
   * Refuses a NaN or infinite value.
   *
   * @param values the samples, flattened
   * @param source the file or run they came from, named in the error
   * @throws IllegalArgumentException naming the source, the first bad flat index and its value
   */
  public static void requireFinite(float[] values, String source) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw notFinite(values, i, source);
      }
    }
  }

  /**
   * Refuses a NaN or infinite value, or one outside [low, high] by more than
   * {@link #RANGE_TOLERANCE} of the range's width.
   *
   * @param values the samples, flattened
   * @param low the declared lowest value
   * @param high the declared highest value
   * @param rangeName how the range was declared, quoted in the error (for example "unit [0, 1]")
   * @param source the file or run they came from, named in the error
   * @throws IllegalArgumentException naming the source, the first bad flat index and its value
   */
  public static void requireWithin(float[] values, double low, double high, String rangeName, String source) {
    double slack = RANGE_TOLERANCE * (high - low);
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (!Float.isFinite(v)) {
        throw notFinite(values, i, source);
      }
      if (v < low - slack || v > high + slack) {
        throw new IllegalArgumentException(source + ": value " + v + " at flat index " + i
            + " lies outside (by more than " + RANGE_TOLERANCE + " of its width) the declared pixel range " + rangeName);
      }
    }
  }

  private static IllegalArgumentException notFinite(float[] values, int index, String source) {
    return new IllegalArgumentException(source + ": value " + values[index] + " at flat index " + index
        + " is not a finite number; samples with NaN or infinity cannot be scored");
  }
}
