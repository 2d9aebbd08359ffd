package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --quality-metric}: the in-training probe scores any metric of eval's registry. */
class QualityMetricCliTest {
  @TempDir
  Path dir;

  @Test
  void theChosenRegistryMetricIsLoggedAtEveryProbeStep() throws Exception {
    Path run = dir.resolve("run");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "toy8", "--steps", "40",
        "--log-every", "30", "--quality-every", "20", "--quality-metric", "toy", "--no-tensorboard", "--quiet",
        "--out", run.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    List<JsonObject> probed = Files.readAllLines(run.resolve("log.jsonl")).stream()
        .map(l -> JsonParser.parseString(l).getAsJsonObject()).filter(o -> o.has("quality/toy")).toList();
    // Steps 20 and 40 are probe steps; 20 is not a log step, so the probe forced its line.
    assertEquals(List.of(20L, 40L), probed.stream().map(o -> o.get("step").getAsLong()).toList());
    for (JsonObject line : probed) {
      double modes = line.get("quality/toy").getAsDouble();
      assertTrue(modes >= 0 && modes <= 8 && modes == Math.rint(modes), "modes covered out of 8: " + modes);
      assertFalse(line.has("quality/parzen"));
    }
  }

  @Test
  void aMetricThatCannotBeProbedIsRefusedBeforeTheRunFolderIsMade() {
    Path run = dir.resolve("refused");
    CliRunner.Outcome unknown = CliRunner.run("train", "--objective", "gan", "--dataset", "toy8", "--steps", "5",
        "--quality-every", "5", "--quality-metric", "sharpness", "--out", run.toString());
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("--quality-metric") && unknown.err().contains("sharpness"), unknown.err());
    CliRunner.Outcome noClassifier = CliRunner.run("train", "--objective", "wgan", "--dataset", "mnist", "--model", "dcgan28",
        "--steps", "5", "--quality-every", "5", "--quality-metric", "fid", "--out", run.toString());
    assertEquals(2, noClassifier.exitCode());
    assertTrue(noClassifier.err().contains("--quality-classifier"), noClassifier.err());
    CliRunner.Outcome notForPoints = CliRunner.run("train", "--objective", "gan", "--dataset", "toy8", "--steps", "5",
        "--quality-every", "5", "--quality-metric", "fid", "--quality-classifier", dir.toString(), "--out", run.toString());
    assertEquals(2, notForPoints.exitCode());
    assertTrue(notForPoints.err().contains("--quality-metric") && notForPoints.err().contains("toy8"), notForPoints.err());
    assertFalse(Files.exists(run));
  }
}
