package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --objective wgan-gp} on discrete data (relaxed) from the command line. Needs JGAN_DATA. */
class RelaxedWganGpCliTest {
  @TempDir
  Path dir;

  @Test
  void wganGpTrainsOnBinaryMnistAndIsEvaluated() throws Exception {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    Path run = dir.resolve("run");
    CliRunner.Outcome o = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "binary-mnist", "--steps", "3",
        "--critic-steps", "2", "--width", "16", "--depth", "1", "--data", data, "--out", run.toString(), "--quiet");
    assertEquals(0, o.exitCode(), o.err());
    String config = Files.readString(run.resolve("config.json"));
    assertTrue(config.contains("\"objective\": \"wgan-gp\""), config);
    assertTrue(config.contains("\"divergence\": null"), "no divergence: " + config);
    assertTrue(Files.size(run.resolve("samples.png")) > 500);
    Path result = dir.resolve("eval.json");
    CliRunner.Outcome eval = CliRunner.run("eval", "--checkpoint", run.toString(), "--metrics", "critic", "--n", "64",
        "--critic-steps", "5", "--data", data, "--out", result.toString());
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(Files.readString(result).contains("\"critic\""));
  }

  @Test
  void discreteBganFlagsAndUnrelaxedObjectivesAreRefused() {
    CliRunner.Outcome divergence = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "binary-mnist",
        "--divergence", "kl", "--out", dir.resolve("a").toString());
    assertEquals(2, divergence.exitCode());
    assertTrue(divergence.err().contains("--divergence: objective 'wgan-gp' does not take it (discrete BGAN's"
        + " f-divergence; taken by bgan-discrete, bgan-reinforce)"), divergence.err());
    assertFalse(Files.exists(dir.resolve("a")), "nothing was written");
    CliRunner.Outcome gan = CliRunner.run("train", "--objective", "gan-ns", "--dataset", "binary-mnist",
        "--out", dir.resolve("b").toString());
    assertEquals(2, gan.exitCode());
    assertTrue(gan.err().contains("use --objective wgan-gp, bgan-discrete, bgan-reinforce"), gan.err());
    CliRunner.Outcome batchNorm = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "binary-mnist",
        "--model", "dcgan28-bn", "--out", dir.resolve("c").toString());
    assertEquals(2, batchNorm.exitCode());
    assertTrue(batchNorm.err().contains("batch norm"), batchNorm.err());
  }
}
