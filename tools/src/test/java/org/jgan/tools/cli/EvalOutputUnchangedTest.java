package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan eval} writes, byte for byte, the JSON it wrote before the metrics moved into the
 * library's registry: the expected files under {@code eval-before-registry/} were written by that
 * code from the same inputs (run from their folder, so sources are relative names). Rewritten once
 * since, on 2026-12-03, for two deliberate changes and nothing else (checked field by field): the
 * critic's protocol now states its sign convention, and its estimates moved in the 9th digit because
 * reductions sum over constant axes (Grappler then folds the gradients' shape ops).
 */
class EvalOutputUnchangedTest {
  private static final String FOLDER = "eval-before-registry/";

  @TempDir
  Path dir;

  @BeforeEach
  void inputs() throws IOException {
    for (String name : List.of("points.npy", "images40.npy", "samples.txt", "corpus.txt")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(FOLDER + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
  }

  private void assertWritesAsBefore(String expected, String... args) throws IOException {
    Path json = dir.resolve("out-" + expected);
    List<String> command = new ArrayList<>(List.of("eval"));
    for (String arg : args) {
      command.add(arg.endsWith(".npy") || arg.endsWith(".txt") ? dir.resolve(arg).toString() : arg);
    }
    command.addAll(List.of("--out", json.toString(), "--quiet"));
    CliRunner.Outcome outcome = CliRunner.run(command.toArray(String[]::new));
    assertEquals(0, outcome.exitCode(), outcome.err());
    String written = Files.readString(json, StandardCharsets.UTF_8).replace(dir + "/", "");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(FOLDER + expected)) {
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), written);
    }
  }

  @Test
  void toyMixtureAndSwissRollPoints() throws IOException {
    assertWritesAsBefore("toy.json", "--npy", "points.npy", "--dataset", "toy8", "--critic-steps", "30");
    assertWritesAsBefore("swiss.json", "--npy", "points.npy", "--dataset", "swissroll", "--critic-steps", "30");
  }

  @Test
  void mnistImages() throws IOException {
    assertWritesAsBefore("img40.json", "--npy", "images40.npy", "--dataset", "mnist", "--critic-steps", "5",
        "--data", System.getenv("JGAN_DATA"));
  }

  @Test
  void textAgainstACorpus() throws IOException {
    assertWritesAsBefore("text.json", "--text", "samples.txt", "--corpus", "corpus.txt");
  }
}
