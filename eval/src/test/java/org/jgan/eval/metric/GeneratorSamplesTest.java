package org.jgan.eval.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A generator's outputs are scored as one mapping gives them, whether a probe or jgan eval asks. */
class GeneratorSamplesTest {
  private static final int[] GREY_28 = {28, 28, 1};
  private static final int PIXELS = 28 * 28;

  /** Two images whose pixels run from -1.6 to 1.6: a generator beyond its tanh range. */
  private static float[] beyondTheSignedRange() {
    float[] outputs = new float[2 * PIXELS];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = -1.6f + 3.2f * i / (outputs.length - 1);
    }
    return outputs;
  }

  @Test
  void signedPixelsMapToUnitAndBeyondTheRangeAreClampedAsTheirPicturesShowThem() {
    float[] outputs = beyondTheSignedRange();
    Samples samples = GeneratorSamples.of(outputs, 2, GREY_28, "mnist", PixelScale.SIGNED, 1, "g");
    for (int i = 0; i < outputs.length; i++) {
      float expected = Math.min(1f, Math.max(0f, (outputs[i] + 1f) / 2f));
      assertEquals(expected, samples.values()[i], "pixel " + i + " generated as " + outputs[i]);
    }
    assertEquals(0f, samples.values()[0]);
    assertEquals(1f, samples.values()[outputs.length - 1]);
  }

  @Test
  void mappingInTheGraphThenScoringAsUnitEqualsScoringTheSignedOutputs() {
    // jgan eval reads a checkpoint's outputs already mapped by (x + 1) * 0.5 in the graph; a probe
    // reads the training graph's signed outputs. Both must score the same values.
    float[] signed = beyondTheSignedRange();
    float[] mappedInGraph = new float[signed.length];
    for (int i = 0; i < signed.length; i++) {
      mappedInGraph[i] = (signed[i] + 1f) * 0.5f;
    }
    assertArrayEquals(GeneratorSamples.of(signed, 2, GREY_28, "mnist", PixelScale.SIGNED, 3, "probe").values(),
        GeneratorSamples.of(mappedInGraph, 2, GREY_28, "mnist", PixelScale.UNIT, 3, "eval").values());
  }

  @Test
  void binaryDataIsScoredAsSeededDrawsFromTheProbabilities() {
    float[] p = new float[2 * PIXELS];
    Arrays.fill(p, 0.5f);
    Samples drawn = GeneratorSamples.of(p, 2, GREY_28, "binary-mnist", PixelScale.UNIT, 11, "g");
    for (float v : drawn.values()) {
      assertTrue(v == 0f || v == 1f, "binary-mnist sample value " + v);
    }
    assertArrayEquals(BernoulliDraws.draw(p, 11), drawn.values(), "the draws are keyed by the sampling seed");
    assertNotEquals(Arrays.toString(drawn.values()),
        Arrays.toString(GeneratorSamples.of(p, 2, GREY_28, "binary-mnist", PixelScale.UNIT, 12, "g").values()));
    Samples grey = GeneratorSamples.of(p, 2, GREY_28, "mnist", PixelScale.UNIT, 11, "g");
    assertArrayEquals(p, grey.values(), "mnist samples are the generator's values");
  }

  @Test
  void pointsAreScoredAsGeneratedAndNonFiniteOutputsAreRefused() {
    float[] points = {-3.5f, 2.25f, 7f, -0.5f};
    assertArrayEquals(points, GeneratorSamples.of(points, 2, new int[] {2}, "toy8", PixelScale.SIGNED, 1, "g").values());
    float[] nan = new float[2 * PIXELS];
    nan[5] = Float.NaN;
    IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
        () -> GeneratorSamples.of(nan, 2, GREY_28, "binary-mnist", PixelScale.UNIT, 1, "step 7"));
    assertTrue(binary.getMessage().startsWith("step 7: value NaN at flat index 5"), binary.getMessage());
    float[] infinite = new float[2 * PIXELS];
    infinite[9] = Float.POSITIVE_INFINITY;
    assertThrows(IllegalArgumentException.class,
        () -> GeneratorSamples.of(infinite, 2, GREY_28, "mnist", PixelScale.SIGNED, 1, "g"), "not clamped to white");
  }
}
