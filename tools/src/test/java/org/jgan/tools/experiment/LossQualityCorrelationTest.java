package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * A GAN run whose discriminator loss rises step by step while FID falls: rho against jgan's loss is
   * -1, and the paper's 1/2 L + log 2 = log 2 - loss/2 falls with FID, so rho against it is +1. A WGAN
   * run whose estimate falls with FID: +1 both ways, the estimate being the paper's quantity itself.
   */
  @Test
  void theTableStatesThePapersQuantityAndItsSignPerObjective(@TempDir Path runs) throws Exception {
    StringBuilder log = new StringBuilder();
    for (int step = 1; step <= 4; step++) {
      log.append("{\"step\":").append(step).append(",\"discriminator/loss\":").append(0.5 * step)
          .append(",\"critic/wasserstein_estimate\":").append(2.0 / step).append(",\"quality/fid\":")
          .append(40.0 - step).append("}\n");
    }
    for (String objective : List.of("gan-ns", "wgan")) {
      Path run = Files.createDirectories(runs.resolve(objective));
      Files.writeString(run.resolve("log.jsonl"), log);
      Files.writeString(run.resolve("config.json"), "{\"objective\": \"" + objective + "\"}");
    }
    String gan = LossQualityCorrelation.table(runs.resolve("gan-ns"), "discriminator/loss", null);
    assertTrue(gan.contains("| gan-ns | discriminator/loss | 1/2 L + log 2 = log 2 - loss/(2w) (WGAN Fig. 4) | quality/fid"
        + " | 4 | -1.000 | 1.000 |"), gan);
    assertTrue(gan.contains("sign -1"), "the note states the convention: " + gan);
    String wgan = LossQualityCorrelation.table(runs.resolve("wgan"), null, null);
    assertTrue(wgan.contains("| wgan | critic/wasserstein_estimate | EM estimate = loss (WGAN Fig. 3) | quality/fid | 4"
        + " | 1.000 | 1.000 |"), wgan);
    assertEquals(-1, PlottedLoss.of("gan", "simultaneous/loss").sign());
    assertEquals(null, PlottedLoss.of("lsgan", "discriminator/loss").quantity(),
        "least squares' discriminator loss is not the GAN value function the paper plots");
    assertEquals(null, PlottedLoss.of("wgan", "critic/loss").quantity());
  }

  @Test
  void commandPrintsTheRunsRowAndNamesAMissingKey(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("log.jsonl"), LOG);
    CliRunner.Outcome ok = CliRunner.run("experiment", "correlate", run.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(ok.out().contains("| critic/wasserstein_estimate | none (as logged) | quality/fid | 3 | 0.500 | 0.500 |"),
        "a bare log names no objective, so no paper quantity: " + ok.out());
    CliRunner.Outcome bad = CliRunner.run("experiment", "correlate", run.toString(), "--quality", "quality/kid");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--quality") && bad.err().contains("quality/kid"), bad.err());
  }
}
