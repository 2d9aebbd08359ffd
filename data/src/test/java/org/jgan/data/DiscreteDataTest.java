package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Binarised images and one-hot character sequences. */
class DiscreteDataTest {
  private static final Dataset GREY = new Dataset("grey", new int[] {2, 2, 1}, new float[] {0f, 0.4f, 0.5f, 0.9f,
      1f, 0.51f, 0.2f, 0.6f}, new int[] {3, 7});

  @Test
  void thresholdAtOneHalf() {
    Dataset b = BinaryImages.threshold(GREY, 0.5);
    assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0, 1}, b.values());
    assertArrayEquals(new int[] {3, 7}, b.labels());
  }

  @Test
  void bernoulliBinarisationIsSeededAndFollowsIntensity() {
    float[] half = new float[20000];
    java.util.Arrays.fill(half, 0.3f);
    Dataset grey = new Dataset("g", new int[] {20000}, half, null);
    Dataset a = BinaryImages.sample(grey, 1);
    assertArrayEquals(a.values(), BinaryImages.sample(grey, 1).values());
    assertNotEquals(java.util.Arrays.hashCode(a.values()), java.util.Arrays.hashCode(BinaryImages.sample(grey, 2).values()));
    double mean = 0;
    for (float v : a.values()) {
      mean += v / 20000.0;
    }
    assertEquals(0.3, mean, 0.015);
  }

  @Test
  void sequencesPadTruncateAndRoundTrip() {
    String longLine = "This line is longer than thirty-two characters in total.";
    List<String> lines = List.of("Hi!", longLine, "caf\u00e9");
    Dataset d = TextSequences.encode("t", lines);
    assertArrayEquals(new int[] {32, 97}, d.exampleShape());
    // Every position is one-hot.
    for (int p = 0; p < 3 * 32; p++) {
      float sum = 0;
      for (int k = 0; k < 97; k++) {
        sum += d.values()[p * 97 + k];
      }
      assertEquals(1f, sum, 0f);
    }
    assertEquals(1f, d.values()[(0 * 32 + 3) * 97 + TextSequences.PAD], "padded after 'Hi!'");
    assertEquals(List.of("Hi!", longLine.substring(0, 32), "caf?"), TextSequences.decode(d.values(), 3),
        "truncated to 32; a non-ASCII character is unknown");
    assertEquals('A', TextSequences.character(TextSequences.index('A')));
  }
}
