package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jgan train} for EBGAN, continuous BGAN and alpha-GAN. */
class EbganBganAlphaGanTrainCommandTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ebgan", "bgan", "alpha-gan"})
  void shortToyRunExitsZero(String objective) throws Exception {
    Path out = dir.resolve(objective);
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", objective, "--dataset", "toy8", "--steps", "3",
        "--width", "8", "--out", out.toString(), "--quiet");
    assertEquals(0, outcome.exitCode(), outcome.err());
    List<String> log = Files.readAllLines(out.resolve("log.jsonl"));
    JsonObject last = JsonParser.parseString(log.get(log.size() - 1)).getAsJsonObject();
    assertEquals(3, last.get("step").getAsLong());
    assertTrue(last.has("generator/loss") && last.has("discriminator/loss"), last.toString());
    if (objective.equals("alpha-gan")) {
      assertTrue(last.has("encoder/reconstruction_l1") && last.has("code_discriminator/loss"), last.toString());
    }
    assertTrue(Files.exists(out.resolve("samples.png")));
  }

  @Test
  void objectiveFlagsReachTheConfiguration() throws Exception {
    Path out = dir.resolve("flags");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "ebgan", "--dataset", "toy8", "--steps", "1",
        "--width", "8", "--margin", "2.5", "--pt-weight", "0", "--out", out.toString(), "--quiet");
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonObject config = JsonParser.parseString(Files.readString(out.resolve("config.json"))).getAsJsonObject();
    assertEquals(2.5f, config.get("margin").getAsFloat());
    assertEquals(0f, config.get("ptWeight").getAsFloat());
    // Each objective takes only its own options (ebgan refuses --recon-weight: ObjectiveOptionsCliTest).
    Path alpha = dir.resolve("alpha");
    outcome = CliRunner.run("train", "--objective", "alpha-gan", "--dataset", "toy8", "--steps", "1", "--width", "8",
        "--recon-weight", "3", "--out", alpha.toString(), "--quiet");
    assertEquals(0, outcome.exitCode(), outcome.err());
    config = JsonParser.parseString(Files.readString(alpha.resolve("config.json"))).getAsJsonObject();
    assertEquals(3f, config.get("reconWeight").getAsFloat());
  }

  @Test
  void negativeMarginIsRejected() {
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "ebgan", "--margin", "-1", "--out",
        dir.resolve("bad").toString());
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().contains("--margin"), outcome.err());
  }

  /** MLP and convolutional (auto-)encoders on MNIST; needs JGAN_DATA (CI sets it). */
  @ParameterizedTest
  @CsvSource({"ebgan, dcgan28", "bgan, dcgan28", "alpha-gan, dcgan28", "ebgan, mlp", "bgan, mlp", "alpha-gan, mlp"})
  void shortMnistRunExitsZero(String objective, String model) throws Exception {
    String env = System.getenv("JGAN_DATA");
    Assumptions.assumeTrue(env != null && !env.isBlank(), "JGAN_DATA is not set");
    Path out = dir.resolve(objective + "-" + model);
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", objective, "--dataset", "mnist", "--model",
        model, "--width", "16", "--steps", "2", "--batch", "8", "--z-dim", "8", "--data", env, "--out", out.toString(),
        "--quiet");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(Files.size(out.resolve("samples.png")) > 1000);
  }
}
