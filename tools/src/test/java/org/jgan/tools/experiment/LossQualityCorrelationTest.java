package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.tools.cli.CliRunner;
import org.jgan.tools.figures.RunLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossQualityCorrelationTest {
  /**
   * Loss logged every 10 steps, quality every 20 (with a validation score listed first, which is
   * not the default). Window means of the Wasserstein estimate: (1+9)/2 = 5, (4+4)/2 = 4,
   * (6+8)/2 = 7, ranks (2, 1, 3) against quality ranks (1, 2, 3): rho = 1/2 by hand. The loss
   * at the quality steps alone (9, 4, 8) would give -1/2; critic/loss is a decoy that would give 1.
   */
  private static final String LOG = String.join("\n",
      "{\"step\":10,\"critic/loss\":1,\"critic/wasserstein_estimate\":1}",
      "{\"step\":20,\"critic/loss\":2,\"critic/wasserstein_estimate\":9,\"quality/parzen_validation\":3,\"quality/fid\":0.5}",
      "{\"step\":30,\"critic/loss\":3,\"critic/wasserstein_estimate\":4}",
      "{\"step\":35,\"critic/loss\":3,\"critic/wasserstein_estimate\":NaN}",
      "{\"step\":40,\"critic/loss\":4,\"critic/wasserstein_estimate\":4,\"quality/parzen_validation\":2,\"quality/fid\":0.7}",
      "{\"step\":50,\"critic/loss\":5,\"critic/wasserstein_estimate\":6}",
      "{\"step\":60,\"critic/loss\":6,\"critic/wasserstein_estimate\":8,\"quality/parzen_validation\":1,\"quality/fid\":0.9}",
      "");

  @Test
  void pairsEachQualityWithTheMeanLossSinceThePreviousOne(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("log.jsonl"), LOG);
    LossQualityCorrelation.Result result = LossQualityCorrelation.of(RunLog.read(run.resolve("log.jsonl")), null, null);
    assertEquals("critic/wasserstein_estimate", result.loss());
    assertEquals("quality/fid", result.quality());
    assertEquals(3, result.points());
    assertEquals(0.5, result.rho(), 1e-12);
    assertEquals(1.0, LossQualityCorrelation.of(RunLog.read(run.resolve("log.jsonl")), "critic/loss", null).rho(), 1e-12);
  }

  @Test
  void commandPrintsTheRunsRowAndNamesAMissingKey(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("log.jsonl"), LOG);
    CliRunner.Outcome ok = CliRunner.run("experiment", "correlate", run.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(ok.out().contains("| critic/wasserstein_estimate | quality/fid | 3 | 0.500 |"), ok.out());
    CliRunner.Outcome bad = CliRunner.run("experiment", "correlate", run.toString(), "--quality", "quality/kid");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--quality") && bad.err().contains("quality/kid"), bad.err());
  }
}
