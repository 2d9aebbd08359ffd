package org.jgan.eval.metric;

import org.jgan.data.PixelRange;

/** The scale pixel values are stored or generated in, and how each maps to the [0, 1] that metrics score. */
public enum PixelScale {
  /** Already in [0, 1] (sigmoid generators, a generator's exported or restored outputs). */
  UNIT(0, 1),
  /** In [-1, 1] (tanh generators as trained). */
  SIGNED(-1, 1),
  /** 8-bit, 0..255. */
  BYTE(0, 255);

  private final float low;
  private final float high;

  PixelScale(float low, float high) {
    this.low = low;
    this.high = high;
  }

  /** The scale a run's training images were in, which its generator's raw outputs follow. */
  public static PixelScale of(PixelRange range) {
    return range == PixelRange.ZERO_ONE ? UNIT : SIGNED;
  }

  /** The lowest value of the scale. */
  public float low() {
    return low;
  }

  /** The highest value of the scale. */
  public float high() {
    return high;
  }

  /**
   * {@code v} mapped linearly to [0, 1] and clamped into it, as any picture of it shows it: a
   * generator's pixel beyond white is white. A NaN or infinite value is left as it is, so that the
   * checks on {@link Samples} still refuse it.
   *
   * @param v a value on this scale
   * @return the value in [0, 1], or {@code v} itself when it is not finite
   */
  public float toUnit(float v) {
    if (!Float.isFinite(v)) {
      return v;
    }
    return Math.min(1f, Math.max(0f, (v - low) / (high - low)));
  }

  /**
   * Every value of {@code values} mapped by {@link #toUnit(float)}, in a new array.
   *
   * @param values values on this scale
   * @return the values in [0, 1]
   */
  public float[] toUnit(float[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = toUnit(values[i]);
    }
    return out;
  }
}
