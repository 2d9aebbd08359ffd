package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Exported discrete generators give probabilities and samples drawn from them; text runs evaluate as text. */
class DiscreteExportTest {
  @TempDir
  Path dir;

  private Path train(String objective, String dataset) {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    Path run = dir.resolve(dataset);
    CliRunner.Outcome o = CliRunner.run("train", "--objective", objective, "--dataset", dataset, "--steps", "3",
        "--width", "16", "--depth", "1", "--samples-per-z", "2", "--data", data, "--out", run.toString(), "--quiet");
    assertEquals(0, o.exitCode(), o.err());
    return run;
  }

  @Test
  void binaryModelReturnsProbabilitiesAndZeroOneSamples() throws Exception {
    Path run = train("bgan-discrete", "binary-mnist");
    Path model = dir.resolve("model");
    assertEquals(0, CliRunner.run("export", "--checkpoint", run.toString(), "--out", model.toString()).exitCode());
    try (SavedModelBundle bundle = SavedModelBundle.load(model.resolve("1").toString(), "serve");
        TFloat32 z = Tensors.floats(new float[2 * 100], 2, 100);
        Result out = bundle.call(Map.of("z", z))) {
      float[] p = Tensors.toFloats(out.get("images").orElseThrow());
      float[] x = Tensors.toFloats(out.get("samples").orElseThrow());
      assertArrayEquals(new long[] {2, 28, 28, 1}, out.get("samples").orElseThrow().shape().asArray());
      for (int i = 0; i < p.length; i++) {
        assertTrue(p[i] > 0 && p[i] < 1, "probability " + p[i]);
        assertTrue(x[i] == 0f || x[i] == 1f, "sample " + x[i]);
      }
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(model.resolve("1").toString(), "serve");
        TInt32 n = TInt32.scalarOf(3);
        TInt64 s = TInt64.scalarOf(5);
        Result out = bundle.function("generate").call(Map.of("count", n, "seed", s))) {
      assertArrayEquals(new long[] {3, 28, 28, 1}, out.get("samples").orElseThrow().shape().asArray());
    }
    assertTrue(JsonParser.parseString(Files.readString(model.resolve("1").resolve("jgan.json"))).toString().contains("samples a draw"));
  }

  @Test
  void textModelReturnsOneHotSamplesAndRunsEvaluateAsText() throws Exception {
    Path run = train("bgan-reinforce", "text");
    Path model = dir.resolve("text-model");
    assertEquals(0, CliRunner.run("export", "--checkpoint", run.toString(), "--out", model.toString()).exitCode());
    try (SavedModelBundle bundle = SavedModelBundle.load(model.resolve("1").toString(), "serve");
        TInt32 n = TInt32.scalarOf(4);
        TInt64 s = TInt64.scalarOf(1);
        Result out = bundle.function("generate").call(Map.of("count", n, "seed", s))) {
      float[] x = Tensors.toFloats(out.get("samples").orElseThrow());
      for (int position = 0; position < 4 * 32; position++) {
        float sum = 0;
        for (int k = 0; k < 97; k++) {
          sum += x[position * 97 + k];
        }
        assertEquals(1f, sum, 0f, "one-hot at position " + position);
      }
    }
    Path json = dir.resolve("text.json");
    CliRunner.Outcome eval = CliRunner.run("eval", "--checkpoint", run.toString(), "--n", "50",
        "--data", System.getenv("JGAN_DATA"), "--out", json.toString());
    assertEquals(0, eval.exitCode(), eval.err());
    double mean = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("metrics")
        .getAsJsonObject("text").get("mean").getAsDouble();
    assertTrue(mean > 0 && mean <= Math.log(2) + 1e-9, "n-gram JS of an untrained generator: " + mean);
  }
}
