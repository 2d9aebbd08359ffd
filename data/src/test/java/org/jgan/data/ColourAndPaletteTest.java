package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Palette quantisation and ColorMNIST on small synthetic images. */
class ColourAndPaletteTest {
  /** Two 2x2 images whose pixels cluster at 0, 0.5 and 1. */
  private static final Dataset THREE_LEVELS = new Dataset("levels", new int[] {2, 2, 1},
      new float[] {0f, 0.02f, 0.5f, 0.52f, 1f, 0.98f, 0.48f, 0f}, null);

  @Test
  void paletteFitsTheClustersAndRoundTrips() {
    Palette palette = Palette.fit(THREE_LEVELS, 3);
    float[] levels = palette.levels();
    // k-means centres: mean of {0, 0.02, 0} = 0.00667, of {0.5, 0.52, 0.48} = 0.5, of {1, 0.98} = 0.99.
    assertArrayEquals(new float[] {0.02f / 3, 0.5f, 0.99f}, levels, 1e-6f);
    Dataset encoded = palette.encode(THREE_LEVELS);
    assertArrayEquals(new int[] {2, 2, 3}, encoded.exampleShape());
    float[] first = java.util.Arrays.copyOf(encoded.values(), 12);
    assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0}, first, 0f);
    float[] decoded = palette.decode(encoded.values());
    for (int i = 0; i < decoded.length; i++) {
      assertEquals(THREE_LEVELS.values()[i], decoded[i], 0.021f, "pixel " + i + " decodes to its nearest level");
    }
  }

  @Test
  void colorMnistIsSeededAndBlendsTwoColours() {
    Dataset grey = new Dataset("g", new int[] {1, 2, 1}, new float[] {0f, 1f, 0f, 1f}, new int[] {4, 2});
    Dataset a = ColorMnist.colour(grey, 7);
    assertArrayEquals(new int[] {1, 2, 3}, a.exampleShape());
    assertArrayEquals(a.values(), ColorMnist.colour(grey, 7).values());
    assertNotEquals(java.util.Arrays.toString(a.values()), java.util.Arrays.toString(ColorMnist.colour(grey, 8).values()));
    // Image 0: pixel 0 (intensity 0) is the background, pixel 1 (intensity 1) the foreground; they differ.
    float[] v = a.values();
    assertNotEquals(v[0], v[3]);
    // Image 1 has its own colours.
    assertNotEquals(v[0], v[6]);
    assertArrayEquals(new int[] {4, 2}, a.labels());
  }

  @Test
  void batchesEncodedOnTheFlyEqualTheEncodedDataset() {
    Palette palette = Palette.fit(THREE_LEVELS, 3);
    BatchSource batches = palette.encodedBatches(new ShuffledBatches(THREE_LEVELS, 2, 4));
    assertArrayEquals(new int[] {2, 2, 3}, batches.exampleShape());
    float[] onTheFly = new float[2 * 12];
    batches.fill(0, onTheFly);
    float[] grey = new float[2 * 4];
    new ShuffledBatches(THREE_LEVELS, 2, 4).fill(0, grey);
    Dataset expected = palette.encode(new Dataset("batch", new int[] {2, 2, 1}, grey, null));
    assertArrayEquals(expected.values(), onTheFly, 0f);
  }
}
