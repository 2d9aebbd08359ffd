package org.jgan.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.cli.CliRunner;

/** The in-training quality probe and the batch-norm DCGAN. */
class QualityProbeTest {
  @TempDir
  Path dir;

  @Test
  void probeLogsParzenAtItsIntervalsAndImprovesAsTheGeneratorLearns() throws Exception {
    Path out = dir.resolve("toy");
    CliRunner.Outcome o = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "toy8", "--steps", "400",
        "--quality-every", "200", "--log-every", "100", "--out", out.toString(), "--quiet");
    assertEquals(0, o.exitCode(), o.err());
    List<String> lines = Files.readAllLines(out.resolve("log.jsonl"));
    assertEquals(4, lines.size());
    JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertFalse(first.has(QualityProbe.KEY), "step 100 is not a probe step");
    double early = JsonParser.parseString(lines.get(1)).getAsJsonObject().get(QualityProbe.KEY).getAsDouble();
    double late = JsonParser.parseString(lines.get(3)).getAsJsonObject().get(QualityProbe.KEY).getAsDouble();
    assertTrue(Double.isFinite(early) && Double.isFinite(late));
    assertTrue(late > early, "held-out log-likelihood rises as WGAN-GP learns 8 Gaussians: " + early + " -> " + late);
  }

  @Test
  void batchNormDcganTrainsOnMnistAndTextCannotBeProbed() {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    CliRunner.Outcome bn = CliRunner.run("train", "--objective", "gan-ns", "--dataset", "mnist", "--model", "dcgan28-bn",
        "--steps", "2", "--data", data, "--out", dir.resolve("bn").toString(), "--quiet");
    assertEquals(0, bn.exitCode(), bn.err());
    CliRunner.Outcome text = CliRunner.run("train", "--objective", "bgan-discrete", "--dataset", "text", "--steps", "2",
        "--width", "8", "--quality-every", "1", "--data", data, "--out", dir.resolve("text").toString(), "--quiet");
    assertEquals(2, text.exitCode());
    assertTrue(text.err().contains("--quality-every"), text.err());
  }
}
