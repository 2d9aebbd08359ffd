package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Samples no metric can score are refused with the first bad value named. */
class SampleValuesTest {
  @Test
  void refusesTheFirstNonFiniteValue() {
    float[] values = {0.5f, 0.25f, Float.NaN, Float.POSITIVE_INFINITY};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SampleValues.requireFinite(values, "samples.npy"));
    assertTrue(e.getMessage().startsWith("samples.npy: value NaN at flat index 2 "), e.getMessage());
    IllegalArgumentException inRange = assertThrows(IllegalArgumentException.class,
        () -> SampleValues.requireWithin(new float[] {0, Float.NEGATIVE_INFINITY}, 0, 1, "[0, 1]", "run"));
    assertTrue(inRange.getMessage().startsWith("run: value -Infinity at flat index 1 "), inRange.getMessage());
  }

  @Test
  void refusesValuesOutsideTheRangeBeyondTheTolerance() {
    float slack = (float) SampleValues.RANGE_TOLERANCE;
    assertDoesNotThrow(() -> SampleValues.requireWithin(new float[] {0, 1, -slack / 2, 1 + slack / 2}, 0, 1, "[0, 1]", "f"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SampleValues.requireWithin(new float[] {0.5f, 1, 17f, 255f}, 0, 1, "unit [0, 1]", "f.npy"));
    assertTrue(e.getMessage().startsWith("f.npy: value 17.0 at flat index 2 ") && e.getMessage().endsWith("unit [0, 1]"),
        e.getMessage());
    // The tolerance is a share of the range's width: 255.1 is within 0.001 x 255 of 255.
    assertDoesNotThrow(() -> SampleValues.requireWithin(new float[] {255.1f, -0.2f}, 0, 255, "byte", "f"));
    assertThrows(IllegalArgumentException.class, () -> SampleValues.requireWithin(new float[] {-1.01f}, -1, 1, "signed", "f"));
  }
}
