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

/** The command line keeps the papers' constraints: WGAN-GP's critic without batch norm, BGAN's optional penalty. */
class PaperSettingsCliTest {
  @TempDir
  Path dir;

  @Test
  void wganGpRefusesABatchNormCriticBeforeWritingAnything() {
    Path out = dir.resolve("run");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "mnist", "--model",
        "dcgan28-bn", "--steps", "1", "--out", out.toString(), "--quiet");
    outcome.assertOneLineError("--model dcgan28-bn", "wgan-gp", "batch norm");
    assertFalse(Files.exists(out), "nothing written for a refused run");
  }

  @Test
  void bganGradientPenaltyIsOffByDefaultAndLoggedWhenOn() throws Exception {
    Path plain = train("plain");
    assertFalse(lastLogLine(plain).has("discriminator/gradient_penalty"));
    Path penalised = train("penalised", "--gp-weight", "0.5");
    JsonObject last = lastLogLine(penalised);
    assertTrue(last.get("discriminator/gradient_penalty").getAsFloat() > 0, last.toString());
    JsonObject config = JsonParser.parseString(Files.readString(penalised.resolve("config.json"))).getAsJsonObject();
    assertEquals(0.5f, config.get("gpWeight").getAsFloat());
  }

  private Path train(String name, String... extra) {
    return CliRunner.trainInto(dir.resolve(name), new String[] {"train", "--objective", "bgan", "--dataset", "toy8",
        "--steps", "2", "--width", "8", "--log-every", "1", "--no-tensorboard", "--quiet"}, extra);
  }

  private static JsonObject lastLogLine(Path run) throws Exception {
    List<String> log = Files.readAllLines(run.resolve("log.jsonl"));
    return JsonParser.parseString(log.get(log.size() - 1)).getAsJsonObject();
  }
}
