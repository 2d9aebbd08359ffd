package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.figures.Svg;

/** {@code jgan train} end to end on the 8-Gaussians mixture. */
class TrainCommandTest {
  @TempDir
  Path dir;

  @Test
  void shortWganGpRunCoversAtLeastSixOfEightModes() throws Exception {
    Path out = dir.resolve("toy8");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "toy8", "--steps", "600",
        "--seed", "1", "--out", out.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonObject metrics = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
    int covered = metrics.get("modes_covered").getAsInt();
    assertTrue(covered >= 6, "modes covered: " + covered + " of 8; " + metrics);
    assertTrue(outcome.out().contains("modes covered"), "the result table is printed: " + outcome.out());

    JsonObject config = JsonParser.parseString(Files.readString(out.resolve("config.json"))).getAsJsonObject();
    assertEquals("wgan-gp", config.get("objective").getAsString());
    assertEquals(0.1f, config.get("gpWeight").getAsFloat(), 1e-7f);
    assertEquals(256, config.get("batchSize").getAsInt());
    List<String> log = Files.readAllLines(out.resolve("log.jsonl"));
    assertEquals(60, log.size(), "one line every 10 steps");
    JsonObject last = JsonParser.parseString(log.get(59)).getAsJsonObject();
    assertEquals(600, last.get("step").getAsLong());
    assertTrue(last.has("critic/gradient_penalty") && last.has("generator/loss"), last.toString());
    assertTrue(Files.size(out.resolve("samples.png")) > 1000);
    assertTrue(Files.exists(out.resolve("checkpoints/latest")));
  }

  @Test
  void figureFormatSvgAddsAVectorCopyOfTheSampleScatter() throws Exception {
    Path out = dir.resolve("svg");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--dataset", "toy8", "--steps", "5",
        "--no-tensorboard", "--figure-format", "svg", "--out", out.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(Files.size(out.resolve("samples.png")) > 1000);
    String svg = Svg.desc(out.resolve("samples.svg"));
    assertTrue(svg.contains("series real data, samples, modes"), svg);
  }

  @Test
  void anUnknownFigureFormatIsRefusedNamingTheFlag() throws Exception {
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--dataset", "toy8", "--steps", "5",
        "--figure-format", "eps", "--out", dir.resolve("eps").toString());
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("--figure-format"), outcome.err());
    assertTrue(!Files.exists(dir.resolve("eps/checkpoints")), "nothing trained");
  }
}
