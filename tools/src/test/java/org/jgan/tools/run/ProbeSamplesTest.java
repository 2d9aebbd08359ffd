package org.jgan.tools.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.jgan.eval.metric.Samples;
import org.jgan.tools.evaluation.EvalSamples;
import org.jgan.training.RunConfig;
import org.jgan.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * Both in-training quality probes score exactly the values {@code jgan eval} scores for the same
 * generator outputs: eval reads a checkpoint's outputs mapped to [0, 1] in the graph, the probes
 * the training graph's raw outputs.
 */
class ProbeSamplesTest {
  private static final int[] GREY_28 = {28, 28, 1};
  private static final long STEP = 40;

  private static Path data() {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    return Path.of(data);
  }

  /** What jgan eval scores for a checkpoint whose generate head gave {@code unitOutputs}, with --seed {@code seed}. */
  private static float[] evalScores(float[] unitOutputs, String dataset, long seed) {
    GeneratedSamples generated = new GeneratedSamples(unitOutputs, QualityProbe.SAMPLES, GREY_28, dataset, true);
    return EvalSamples.generated(generated, "checkpoint", seed).values();
  }

  @Test
  void aTanhRangeGeneratorBeyondItsRangeIsScoredAsEvalScoresIt() throws Exception {
    RunConfig config = TrainingSettings.of("wgan-gp", "mnist").resolve();
    float[] raw = new float[QualityProbe.SAMPLES * 28 * 28];
    float[] mappedInGraph = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = -1.6f + 3.2f * (i % 1000) / 999f;
      mappedInGraph[i] = (raw[i] + 1f) * 0.5f;
    }
    float[] eval = evalScores(mappedInGraph, "mnist", STEP);
    assertEquals(0f, eval[0]);
    assertEquals(1f, eval[999]);
    assertArrayEquals(eval, QualityProbe.forRun(config, data(), 10, false).scored(raw, STEP), "parzen probe");
    try (MetricQualityProbe probe = MetricQualityProbe.forRun(config, data(), 10, "parzen", null, warning -> {})) {
      assertArrayEquals(eval, probe.scored(raw, STEP).values(), "registry-metric probe");
    }
  }

  @Test
  void onBinaryDataTheProbesScoreSeededDrawsAsEvalDoes() throws Exception {
    RunConfig config = TrainingSettings.of("bgan-discrete", "binary-mnist").resolve();
    float[] probabilities = new float[QualityProbe.SAMPLES * 28 * 28];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = (i % 7) / 6f;
    }
    float[] eval = evalScores(probabilities, "binary-mnist", STEP);
    float[] parzen = QualityProbe.forRun(config, data(), 10, false).scored(probabilities, STEP);
    assertArrayEquals(eval, parzen, "parzen probe: the draws jgan eval --seed " + STEP + " makes");
    for (float v : parzen) {
      assertTrue(v == 0f || v == 1f, "a binary sample's pixel " + v);
    }
    try (MetricQualityProbe probe = MetricQualityProbe.forRun(config, data(), 10, "parzen", null, warning -> {})) {
      Samples samples = probe.scored(probabilities, STEP);
      assertArrayEquals(eval, samples.values(), "registry-metric probe");
      assertTrue(!Arrays.equals(eval, probe.scored(probabilities, STEP + 10).values()), "another sampling seed draws other binary samples");
    }
  }
}
