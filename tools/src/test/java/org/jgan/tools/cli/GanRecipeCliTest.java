package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.run.QualityProbe;
import org.jgan.training.RunConfig;

/** The GAN paper's MNIST recipe from {@code jgan train} flags: resolution, refusals, the kept best checkpoint, resume. */
class GanRecipeCliTest {
  @TempDir
  Path dir;

  @Test
  void thePapersRecipeTrainsAndKeepsTheCheckpointBestOnValidation() throws Exception {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    Path run = dir.resolve("recipe");
    List<String> recipe = List.of("train", "--objective", "gan-ns", "--dataset", "mnist", "--model", "gan-mlp",
        "--batch", "10", "--optimizer", "momentum", "--final-momentum", "0.7", "--lr-decay", "exponential",
        "--d-loss-weight", "0.5", "--schedule", "simultaneous", "--output-bias", "marginals",
        "--prior", "uniform-unit-variance", "--quality-every", "2", "--keep-best", "--log-every", "1",
        "--checkpoint-every", "2", "--no-tensorboard", "--quiet", "--data", data, "--out", run.toString());
    CliRunner.Outcome trained = CliRunner.run(withSteps(recipe, "4"));
    assertEquals(0, trained.exitCode(), trained.err());

    RunConfig config = RunConfig.read(run.resolve("config.json"));
    assertEquals("momentum", config.optimizer());
    assertEquals(0.5f, config.momentum());
    assertEquals(0.7f, config.finalMomentum());
    assertEquals("1:250", config.momentumRamp());
    assertEquals(1.000004, config.lrDecayFactor());
    assertEquals(1e-6f, config.minLr());
    assertEquals("simultaneous", config.schedule());
    assertEquals("marginals", config.outputBias());
    assertEquals("uniform-unit-variance", config.prior());

    List<String> lines = Files.readAllLines(run.resolve("log.jsonl"));
    assertEquals(4, lines.size());
    for (String line : lines) {
      JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
      long updatesBefore = entry.get("step").getAsLong() - 1;
      double expected = 0.1 / Math.pow(1.000004, updatesBefore);
      assertEquals(expected, entry.get("simultaneous/learning_rate").getAsDouble(), expected * 1e-6, line);
      assertEquals(expected, entry.get("simultaneous/generator_learning_rate").getAsDouble(), expected * 1e-6, line);
    }
    JsonObject probed = JsonParser.parseString(lines.get(1)).getAsJsonObject();
    assertTrue(probed.has(QualityProbe.VALIDATION_KEY) && probed.has(QualityProbe.KEY), lines.get(1));

    Path best = run.resolve("best");
    JsonObject summary = JsonParser.parseString(Files.readString(best.resolve("best.json"))).getAsJsonObject();
    long bestStep = summary.get("step").getAsLong();
    double bestScore = Math.max(probed.get(QualityProbe.VALIDATION_KEY).getAsDouble(),
        JsonParser.parseString(lines.get(3)).getAsJsonObject().get(QualityProbe.VALIDATION_KEY).getAsDouble());
    assertEquals(bestScore, summary.get("validation_parzen").getAsDouble(), 1e-3);
    assertEquals(String.format("step-%010d", bestStep),
        Files.readString(best.resolve("checkpoints").resolve("latest")).trim(), "the kept checkpoint is the best step's");
    // Resumed, the run remembers the best score so far: a later, worse probe does not replace it.
    CliRunner.Outcome resumed = CliRunner.run(withSteps(recipe, "8", "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.err());
    lines = Files.readAllLines(run.resolve("log.jsonl"));
    double bestOfAll = Double.NEGATIVE_INFINITY;
    long bestOfAllStep = -1;
    for (String line : lines) {
      JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
      if (entry.has(QualityProbe.VALIDATION_KEY) && entry.get(QualityProbe.VALIDATION_KEY).getAsDouble() > bestOfAll) {
        bestOfAll = entry.get(QualityProbe.VALIDATION_KEY).getAsDouble();
        bestOfAllStep = entry.get("step").getAsLong();
      }
    }
    summary = JsonParser.parseString(Files.readString(best.resolve("best.json"))).getAsJsonObject();
    assertEquals(bestOfAllStep, summary.get("step").getAsLong(), "the best of steps 2, 4, 6 and 8 is kept");
    assertEquals(String.format("step-%010d", bestOfAllStep),
        Files.readString(best.resolve("checkpoints").resolve("latest")).trim());
    // The kept checkpoint is a run folder of its own: the other commands open it as such.
    CliRunner.Outcome sampled = CliRunner.run("sample", "--checkpoint", best.toString(), "--n", "4",
        "--out", dir.resolve("best.npy").toString());
    assertEquals(0, sampled.exitCode(), sampled.err());
  }

  private static String[] withSteps(List<String> args, String steps, String... more) {
    List<String> all = new java.util.ArrayList<>(args);
    all.addAll(List.of("--steps", steps));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void recipeFlagsOutsideTheirScopeAreRefusedNamingTheFlag() {
    String out = dir.resolve("bad").toString();
    String[][] cases = {
        {"--objective", "wgan", "--optimizer", "momentum"},
        {"--objective", "gan", "--momentum", "0.5"},
        {"--objective", "gan", "--optimizer", "momentum", "--momentum-ramp", "5:2"},
        {"--objective", "gan", "--optimizer", "momentum", "--final-momentum", "0.7"},
        {"--objective", "gan", "--lr-decay", "linear", "--min-lr", "1e-6"},
        {"--objective", "gan", "--schedule", "together"},
        {"--objective", "gan", "--schedule", "simultaneous", "--critic-steps", "2"},
        {"--objective", "wgan-gp", "--d-loss-weight", "0.5"},
        {"--objective", "gan", "--output-bias", "marginals"},
        {"--objective", "gan", "--keep-best"},
        {"--objective", "gan", "--prior", "uniform-wide"}};
    String[] flags = {"--optimizer", "--momentum", "--momentum-ramp", "--final-momentum", "--min-lr", "--schedule",
        "--schedule", "--d-loss-weight", "--output-bias", "--keep-best", "--prior"};
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new java.util.ArrayList<>(List.of("train", "--steps", "1", "--out", out, "--quiet"));
      args.addAll(List.of(cases[i]));
      CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
      assertEquals(2, outcome.exitCode(), String.join(" ", cases[i]) + ": " + outcome.err());
      assertTrue(outcome.errorLines().get(0).contains(flags[i]), outcome.err());
    }
  }

  @Test
  void aRunSavedBeforeTheRecipeFlagsExistedStillResumes() throws Exception {
    Path run = dir.resolve("old");
    CliRunner.Outcome first = CliRunner.run("train", "--objective", "gan", "--steps", "2", "--width", "8",
        "--no-tensorboard", "--quiet", "--out", run.toString());
    assertEquals(0, first.exitCode(), first.err());
    JsonObject config = JsonParser.parseString(Files.readString(run.resolve("config.json"))).getAsJsonObject();
    for (String field : List.of("optimizer", "momentum", "finalMomentum", "momentumRamp", "lrDecayFactor", "minLr",
        "dLossWeight", "schedule", "outputBias")) {
      assertTrue(config.get(field).isJsonNull(), field + " is null when its flag is not given");
      config.remove(field);
    }
    Files.writeString(run.resolve("config.json"), config.toString());
    CliRunner.Outcome resumed = CliRunner.run("train", "--objective", "gan", "--steps", "3", "--width", "8",
        "--no-tensorboard", "--quiet", "--resume", "--out", run.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    CliRunner.Outcome changed = CliRunner.run("train", "--objective", "gan", "--steps", "4", "--width", "8",
        "--schedule", "simultaneous", "--no-tensorboard", "--quiet", "--resume", "--out", run.toString());
    assertEquals(2, changed.exitCode(), "a recipe flag the saved run did not use is a different configuration");
    assertTrue(changed.err().contains("schedule"), changed.err());
  }
}
