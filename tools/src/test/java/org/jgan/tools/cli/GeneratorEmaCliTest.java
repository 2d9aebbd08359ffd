package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.graphs.Tensors;
import org.jgan.training.GeneratorEma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;

/** {@code jgan train --ema}: what export writes, bit-exact resume, and flag checks. */
class GeneratorEmaCliTest {
  private static final String[] RUN = {"train", "--objective", "gan", "--dataset", "toy8", "--width", "8",
      "--ema", "0.7", "--quiet", "--no-tensorboard"};

  @TempDir
  Path dir;

  /**
   * The averaged generator on 8 Gaussians with the toy settings: over seeds 1 to 6 at 600 steps
   * with decay 0.99 it covered 8 of 8 modes every time (high-quality share 0.47 to 0.56), so 6 leaves
   * a wide margin.
   */
  @Test
  void averagedGeneratorCoversMostOfTheEightModes() throws Exception {
    Path out = dir.resolve("toy8");
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "wgan-gp", "--dataset", "toy8", "--steps", "600",
        "--ema", "0.99", "--seed", "1", "--quiet", "--no-tensorboard", "--out", out.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonObject metrics = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
    int covered = metrics.get("modes_covered").getAsInt();
    assertTrue(covered >= 6, "modes covered: " + covered + " of 8; " + metrics);
  }

  @Test
  void exportWritesTheAveragedWeightsNotTheRawOnes() throws Exception {
    Path run = dir.resolve("run");
    CliRunner.trainInto(run, RUN, "--steps", "6");
    Path model = dir.resolve("model");
    CliRunner.Outcome exported = CliRunner.run("export", "--checkpoint", run.toString(), "--out", model.toString());
    assertEquals(0, exported.exitCode(), exported.err());
    assertEquals(0.7f, org.jgan.training.export.ModelMetadata.read(model).emaDecay(), 0f,
        "jgan.json says the weights are the average");

    float[] z = org.jgan.losses.NoisePrior.normal(2).sample(new SplittableRandom(3), 5);
    float[] served;
    try (SavedModelBundle bundle = SavedModelBundle.load(model.resolve("1").toString(), "serve");
        TFloat32 zt = Tensors.floats(z, 5, 2);
        Result r = bundle.function("serving_default").call(Map.of("z", zt))) {
      served = Tensors.toFloats(r.get("images").orElseThrow());
    }
    // The MLP's forward pass by hand, on the weights the checkpoint holds under each name.
    List<float[]> raw = new ArrayList<>();
    List<float[]> averaged = new ArrayList<>();
    readGeneratorWeights(run, raw, averaged);
    float[] expected = forward(averaged, z);
    float[] fromRaw = forward(raw, z);
    assertArrayEquals(expected, served, 1e-5f);
    double gap = 0;
    for (int i = 0; i < z.length; i++) {
      gap = Math.max(gap, Math.abs(fromRaw[i] - expected[i]));
    }
    assertTrue(gap > 1e-3, "after 6 steps the raw generator differs from its average: " + gap);
  }

  @Test
  void aResumedRunsAverageEqualsAnUninterruptedOnesBitForBit() throws Exception {
    Path whole = dir.resolve("whole");
    CliRunner.trainInto(whole, RUN, "--steps", "8", "--checkpoint-every", "4", "--log-every", "1");
    Path split = dir.resolve("split");
    CliRunner.trainInto(split, RUN, "--steps", "4", "--checkpoint-every", "4", "--log-every", "1");
    CliRunner.trainInto(split, RUN, "--steps", "8", "--checkpoint-every", "4", "--log-every", "1", "--resume");
    assertArrayEquals(CliRunner.samples(whole, 64, 3), CliRunner.samples(split, 64, 3));
    assertEquals(Files.readAllLines(whole.resolve("log.jsonl")), Files.readAllLines(split.resolve("log.jsonl")));
  }

  @Test
  void runsWithoutTheAverageResumeAsBeforeAndCannotGainOne() throws Exception {
    Path run = dir.resolve("plain");
    CliRunner.Outcome first = CliRunner.run("train", "--objective", "gan", "--width", "8", "--steps", "2", "--quiet",
        "--no-tensorboard", "--out", run.toString());
    assertEquals(0, first.exitCode(), first.err());
    // A config.json written before the flags existed has neither field.
    Path config = run.resolve("config.json");
    JsonObject json = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
    json.remove("ema");
    json.remove("spectralNorm");
    Files.writeString(config, json.toString());
    CliRunner.Outcome gained = CliRunner.run("train", "--objective", "gan", "--width", "8", "--steps", "4", "--quiet",
        "--no-tensorboard", "--ema", "0.9", "--resume", "--out", run.toString());
    assertEquals(2, gained.exitCode(), gained.err());
    assertTrue(gained.err().contains("field 'ema'"), gained.err());
    CliRunner.Outcome resumed = CliRunner.run("train", "--objective", "gan", "--width", "8", "--steps", "4", "--quiet",
        "--no-tensorboard", "--resume", "--out", run.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
  }

  @Test
  void refusesADecayOutsideTheOpenUnitInterval() {
    for (String decay : List.of("1", "0", "-0.5", "NaN")) {
      CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "gan", "--steps", "1", "--ema", decay, "--out",
          dir.resolve("bad").toString());
      outcome.assertOneLineError("--ema", decay);
    }
  }

  /**
   * Kernels and biases of the generator and of its average, in layer order, read straight from the
   * latest checkpoint by variable name (the toy MLP: dense layers 0, 2, 4 and 6 between ReLUs).
   */
  private static void readGeneratorWeights(Path run, List<float[]> raw, List<float[]> averaged) throws Exception {
    Path checkpoint = run.resolve("checkpoints").resolve(Files.readString(run.resolve("checkpoints/latest")).trim());
    List<String> names = new ArrayList<>();
    for (String network : List.of("G", GeneratorEma.NETWORK)) {
      for (int layer = 0; layer <= 6; layer += 2) {
        names.add(network + "/" + layer + "_dense/kernel");
        names.add(network + "/" + layer + "_dense/bias");
      }
    }
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Restore restore = tf.train.restore(Constant.scalarOf(tf.scope(), checkpoint.resolve("model").toString()),
          Constant.vectorOf(tf.scope(), names.toArray(String[]::new)),
          Constant.vectorOf(tf.scope(), java.util.Collections.nCopies(names.size(), "").toArray(String[]::new)),
          java.util.Collections.nCopies(names.size(), TFloat32.class));
      Session.Runner runner = session.runner();
      restore.tensors().forEach(runner::fetch);
      try (Result result = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          (i < names.size() / 2 ? raw : averaged).add(Tensors.toFloats(result.get(i)));
        }
      }
    }
  }

  /** ReLU MLP on 2-D points: (kernel [in, out], bias [out]) pairs, ReLU after all but the last. */
  private static float[] forward(List<float[]> weights, float[] z) {
    int n = z.length / 2;
    float[] h = z;
    int in = 2;
    for (int layer = 0; layer < weights.size(); layer += 2) {
      float[] kernel = weights.get(layer);
      float[] bias = weights.get(layer + 1);
      int out = bias.length;
      float[] next = new float[n * out];
      for (int e = 0; e < n; e++) {
        for (int o = 0; o < out; o++) {
          double sum = bias[o];
          for (int i = 0; i < in; i++) {
            sum += h[e * in + i] * kernel[i * out + o];
          }
          boolean last = layer + 2 == weights.size();
          next[e * out + o] = (float) (last ? sum : Math.max(0, sum));
        }
      }
      h = next;
      in = out;
    }
    return h;
  }
}
