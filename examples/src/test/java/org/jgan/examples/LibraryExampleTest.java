package org.jgan.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.jgan.eval.ToyMetrics;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/** The README's library example runs, learns, and its exported model answers. */
class LibraryExampleTest {
  @TempDir
  Path dir;

  @Test
  void exampleTrainsAndExports() throws Exception {
    Path model = dir.resolve("model");
    ToyMetrics.Scores scores = LibraryExample.run(600, model);
    // Margin measured 2026-12-03 (2-core AMD EPYC): seed 7 (the example's) covers 8 of 8; with seeds
    // 1-6 and 8-12 instead, 10 covered 8 and seed 1 covered 6, so the bar is under every seed seen.
    assertTrue(scores.modesCovered() >= 5, "600 iterations cover most modes: " + scores);
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve");
        TFloat32 z = Tensors.floats(new float[] {0f, 0f, 1f, -1f}, 2, 2);
        Result out = bundle.call(Map.of("z", z))) {
      float[] points = Tensors.toFloats(out.get("images").orElseThrow());
      assertArrayEquals(new long[] {2, 2}, out.get("images").orElseThrow().shape().asArray());
      for (float v : points) {
        assertTrue(Math.abs(v) < 3, "a point near the mixture: " + v);
      }
    }
  }
}
