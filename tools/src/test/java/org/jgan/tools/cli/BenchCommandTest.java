package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.tools.bench.BenchIteration;
import org.junit.jupiter.api.Test;

/** {@code jgan bench} runs the reference DCGAN step and reports a positive median; its suite lines report ratios. */
class BenchCommandTest {
  @Test
  void printsMedianMillisecondsPerStep() {
    for (String objective : new String[] {"wgan-gp", "gan"}) {
      CliRunner.Outcome outcome = CliRunner.run("bench", "--objective", objective, "--batch", "4", "--steps", "3",
          "--warmup", "1");
      assertEquals(0, outcome.exitCode(), outcome.err());
      Matcher m = Pattern.compile("(?m)^ms_per_step (\\d+\\.\\d+)$").matcher(outcome.out());
      assertTrue(m.find(), outcome.out());
      assertTrue(Double.parseDouble(m.group(1)) > 0);
    }
  }

  @Test
  void iterationLineTimesUnfusedAgainstFusedAtEachToyBatchAndFitsTheFixedCost() {
    CliRunner.Outcome outcome = CliRunner.run("bench", "iteration", "--models", "toy8", "--rounds", "1");
    assertEquals(0, outcome.exitCode(), outcome.err());
    for (int batch : BenchIteration.TOY_BATCHES) {
      Matcher m = Pattern.compile("(?m)^iteration toy8-wgan-gp batch=" + batch
          + " unfused_ms=(\\d+\\.\\d+) fused_ms=(\\d+\\.\\d+) speedup=(\\d+\\.\\d+)").matcher(outcome.out());
      assertTrue(m.find(), outcome.out());
      double ratio = Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
      assertEquals(ratio, Double.parseDouble(m.group(3)), 0.02 * ratio + 0.01, "speedup is unfused / fused");
    }
    assertTrue(Pattern.compile("(?m)^iteration toy8-wgan-gp fixed_cost_ms unfused=-?\\d+\\.\\d+ fused=-?\\d+\\.\\d+ ")
        .matcher(outcome.out()).find(), outcome.out());
  }

  @Test
  void memoryLineReportsResidentGrowthOverFusedIterations() {
    CliRunner.Outcome outcome = CliRunner.run("bench", "memory", "--iterations", "20");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(Pattern.compile("(?m)^memory toy8-wgan-gp batch=32 fused_iterations=20 rss_start=[0-9.]+ [MG]B rss_end=[0-9.]+ [MG]B "
        + "growth_pct=-?\\d+\\.\\d+$").matcher(outcome.out()).find(), outcome.out());
  }

  @Test
  void unknownLineIsRefusedByName() {
    CliRunner.Outcome outcome = CliRunner.run("bench", "iterations");
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("'iterations'") && outcome.err().contains("iteration"), outcome.err());
  }
}
