package org.jgan.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The metric classifier reaches the accuracy on the real test sets with its default
 * settings (about 80 s for MNIST, 100 s for Fashion-MNIST and 90 s for ColorMNIST on 2 cores). Needs JGAN_DATA, which CI sets.
 */
class ClassifierCommandTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"mnist, 0.990", "fashion, 0.900", "color-mnist, 0.970"})
  void defaultTrainingReachesTheTargetAccuracy(String dataset, double target) throws Exception {
    assertNotNull(System.getenv("JGAN_DATA"), "JGAN_DATA must name the datasets folder (the test command sets it)");
    Path out = dir.resolve(dataset);
    CliRunner.Outcome outcome = CliRunner.run("classifier", "train", "--dataset", dataset, "--out", out.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonObject info = JsonParser.parseString(Files.readString(out.resolve("classifier.json"))).getAsJsonObject();
    double accuracy = info.get("test_accuracy").getAsDouble();
    assertTrue(accuracy >= target, dataset + " test accuracy " + accuracy + " < " + target);
    assertEquals(10_000, info.get("test_images").getAsInt());
    assertEquals(64, info.get("model_sha256").getAsString().length());
    assertTrue(Files.isRegularFile(out.resolve("saved_model.pb")));
    assertTrue(outcome.out().contains("test accuracy"), outcome.out());
  }
}
