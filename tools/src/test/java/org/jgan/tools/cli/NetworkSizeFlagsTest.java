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

/**
 * {@code --g-width}, {@code --g-depth}, {@code --d-width}, {@code --d-depth}, {@code --d-dropout}: the
 * MLP's networks sized apart, dropout in all but the generator.
 */
class NetworkSizeFlagsTest {
  private static final String HUGE = Integer.toString(Integer.MAX_VALUE);

  @TempDir
  Path dir;

  private CliRunner.Outcome train(String... flags) {
    return CliRunner.run(CliRunner.args(List.of("train", "--objective", "gan", "--steps", "2", "--quiet",
        "--no-tensorboard", "--out", dir.resolve("run").toString()), flags));
  }

  @Test
  void theSizesTrainAndAreRecordedInTheConfiguration() throws Exception {
    CliRunner.Outcome outcome = train("--width", "16", "--g-width", "8", "--g-depth", "1", "--d-depth", "2",
        "--d-dropout", "0.5");
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonObject config = JsonParser.parseString(Files.readString(dir.resolve("run/config.json"))).getAsJsonObject();
    assertEquals(16, config.get("width").getAsInt());
    assertEquals(8, config.get("generatorWidth").getAsInt());
    assertEquals(1, config.get("generatorDepth").getAsInt());
    assertTrue(config.get("discriminatorWidth").isJsonNull(), "not given: --width");
    assertEquals(2, config.get("discriminatorDepth").getAsInt());
    assertEquals(0.5, config.get("discriminatorDropout").getAsDouble());
  }

  @Test
  void badSizesAreRefusedNamingTheFlag() {
    train("--d-depth", "0").assertOneLineError("--d-depth must be at least 1, got 0");
    train("--g-depth", HUGE).assertOneLineError("--g-depth " + HUGE + " is more than " + TrainCommand.MAX_DEPTH);
    train("--d-width", HUGE).assertOneLineError("--d-width " + HUGE + " is too large");
    train("--dataset", "mnist", "--model", "dcgan28", "--g-width", "8").assertOneLineError(
        "--g-width is for --model mlp, whose generator and discriminator can be sized apart; dcgan28 has one size");
    train("--d-dropout", "1").assertOneLineError("--d-dropout must be in [0, 1), got 1.0");
    train("--dataset", "mnist", "--model", "dcgan28", "--d-dropout", "0.5").assertOneLineError(
        "--d-dropout is for --model mlp; dcgan28 has its own layers");
  }
}
