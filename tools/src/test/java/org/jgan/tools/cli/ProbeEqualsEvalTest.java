package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.tools.run.QualityProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-training quality probe's number at step N is the number {@code jgan eval} gives for the
 * checkpoint saved at step N, with the same metric, sample count and split: users select
 * checkpoints on probe numbers and then evaluate the one they chose.
 */
class ProbeEqualsEvalTest {
  /** The samples a probe draws (QualityProbe.SAMPLES). */
  private static final String PROBED = "1000";

  @TempDir
  Path dir;

  @Test
  void theParzenProbesOnTestAndValidationEqualEvalOfTheCheckpointOfTheirStep() throws Exception {
    // MNIST's tanh generator: eval maps its outputs to [0, 1] in the graph, the probe in Java.
    Path run = dir.resolve("mnist");
    train(run, "--objective", "wgan-gp", "--dataset", "mnist", "--keep-best");
    JsonObject probed = lastLine(run);

    assertEquals(probed.get(QualityProbe.KEY).getAsFloat(), (float) evalParzen(run, "test"), "quality/parzen");
    assertEquals(probed.get(QualityProbe.VALIDATION_KEY).getAsFloat(), (float) evalParzen(run, "validation"),
        "quality/parzen_validation");
  }

  @Test
  void onBinaryDataTheProbeScoresTheBernoulliDrawsEvalMakes() throws Exception {
    Path run = dir.resolve("binary");
    train(run, "--objective", "wgan-gp", "--dataset", "binary-mnist");
    JsonObject probed = lastLine(run);

    assertEquals(probed.get(QualityProbe.KEY).getAsFloat(), (float) evalParzen(run, "test"), "quality/parzen");
  }

  /** Trains a tiny run two steps, probing and saving a checkpoint at step 2. */
  private void train(Path run, String... settings) {
    List<String> args = new ArrayList<>(List.of("train", "--model", "mlp", "--width", "16", "--batch", "8",
        "--steps", "2", "--quality-every", "2", "--checkpoint-every", "2", "--no-tensorboard", "--quiet",
        "--data", CliRunner.data(), "--out", run.toString()));
    args.addAll(List.of(settings));
    CliRunner.Outcome trained = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, trained.exitCode(), trained.err());
  }

  private static JsonObject lastLine(Path run) throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("log.jsonl"));
    JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    assertEquals(2, last.get("step").getAsLong());
    return last;
  }

  private double evalParzen(Path run, String split) throws IOException {
    JsonObject eval = eval(run, "--metrics", "parzen", "--split", split, "--real-images",
        String.valueOf(QualityProbe.REAL_IMAGES));
    return eval.getAsJsonObject("metrics").getAsJsonObject("parzen").get("mean_log_likelihood").getAsDouble();
  }

  /** {@code jgan eval} of the run's newest checkpoint on as many samples as a probe draws, eval's default seed. */
  private JsonObject eval(Path run, String... flags) throws IOException {
    Path out = Files.createTempFile(dir, "eval", ".json");
    List<String> args = new ArrayList<>(List.of("eval", "--checkpoint", run.toString(), "--n", PROBED, "--quiet",
        "--data", CliRunner.data(), "--out", out.toString()));
    args.addAll(List.of(flags));
    CliRunner.Outcome evaluated = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, evaluated.exitCode(), evaluated.err());
    return JsonParser.parseString(Files.readString(out)).getAsJsonObject();
  }
}
