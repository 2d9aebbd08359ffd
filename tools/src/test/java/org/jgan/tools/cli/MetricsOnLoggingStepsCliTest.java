package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fetches its losses only on logging steps writes what one that logs every step writes
 * there: the same log lines at the shared steps and bit-identical checkpoints.
 */
class MetricsOnLoggingStepsCliTest {
  @TempDir
  Path dir;

  @Test
  void loggingEveryFourthStepWritesTheSameLinesAndCheckpointsAsLoggingEveryStep() throws Exception {
    Path everyStep = train("every", "1");
    Path everyFourth = train("fourth", "4");

    List<String> all = Files.readAllLines(everyStep.resolve("log.jsonl"));
    List<String> sparse = Files.readAllLines(everyFourth.resolve("log.jsonl"));
    assertEquals(12, all.size());
    assertEquals(List.of(all.get(3), all.get(7), all.get(11)), sparse, "steps 4, 8 and 12 as logged every step");

    Map<String, byte[]> reference = checkpointFiles(everyStep);
    Map<String, byte[]> fused = checkpointFiles(everyFourth);
    assertEquals(reference.keySet(), fused.keySet());
    reference.forEach((name, bytes) -> assertArrayEquals(bytes, fused.get(name), name));
  }

  private Path train(String name, String logEvery) {
    Path out = dir.resolve(name);
    CliRunner.Outcome outcome = CliRunner.run("train", "--objective", "wgan-gp", "--steps", "12", "--width", "8",
        "--threads", "1", "--log-every", logEvery, "--checkpoint-every", "6", "--no-tensorboard", "--quiet",
        "--out", out.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    return out;
  }

  /** The model files (variables, index) of every checkpoint, by path in the run folder. */
  private static Map<String, byte[]> checkpointFiles(Path run) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(run.resolve("checkpoints"))) {
      for (Path file : walk.filter(p -> p.getFileName().toString().startsWith("model.")).toList()) {
        files.put(run.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    if (files.isEmpty()) {
      throw new AssertionError("no checkpoint in " + run);
    }
    return files;
  }
}
