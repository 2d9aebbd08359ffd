package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.training.export.ModelMetadata;

/**
 * A run whose newest checkpoint is damaged still resumes, exports, samples and evaluates, from
 * the newest checkpoint that restores, saying on stderr which one it skipped and why; a run with
 * no checkpoint that restores gives one line naming the folder, exit 2.
 */
class CheckpointFallbackCliTest {
  @TempDir
  static Path shared;

  /** A tiny GAN on toy8 with checkpoints at steps 10, 20 and 30. */
  static Path original;

  @TempDir
  Path dir;

  @BeforeAll
  static void train() {
    original = shared.resolve("run");
    CliRunner.Outcome trained = CliRunner.run("train", "--objective", "gan", "--steps", "30", "--checkpoint-every", "10",
        "--width", "8", "--no-tensorboard", "--quiet", "--out", original.toString());
    assertEquals(0, trained.exitCode(), trained.err());
  }

  @Test
  void aGarbledLatestPointerFallsBackToTheNewestCheckpoint() throws IOException {
    Path run = copy();
    byte[] noise = new byte[64];
    new Random(1).nextBytes(noise);
    noise[0] = (byte) 0xff;
    Files.write(run.resolve("checkpoints").resolve("latest"), noise);
    CliRunner.Outcome exported = CliRunner.run("export", "--checkpoint", run.toString(), "--out",
        dir.resolve("model").toString());
    assertEquals(0, exported.exitCode(), exported.err());
    assertTrue(exported.out().contains("at step 30"), exported.out());
    assertEquals(1, exported.errorLines().size(), exported.err());
    assertTrue(exported.err().contains("latest is not text"), exported.err());
  }

  @Test
  void aTruncatedNewestCheckpointIsSkippedBySampleEvalAndExport() throws IOException {
    Path run = copy();
    truncate(dataFile(run, 30));
    CliRunner.Outcome sampled = CliRunner.run("sample", "--checkpoint", run.toString(), "--n", "10", "--out",
        dir.resolve("s.npy").toString());
    assertEquals(0, sampled.exitCode(), sampled.err());
    assertSkippedStep30(sampled);

    CliRunner.Outcome evaluated = CliRunner.run("eval", "--checkpoint", run.toString(), "--metrics", "toy", "--n", "100");
    assertEquals(0, evaluated.exitCode(), evaluated.err());
    assertSkippedStep30(evaluated);

    CliRunner.Outcome exported = CliRunner.run("export", "--checkpoint", run.toString(), "--out",
        dir.resolve("model").toString());
    assertEquals(0, exported.exitCode(), exported.err());
    assertSkippedStep30(exported);
    assertEquals(20, ModelMetadata.read(dir.resolve("model")).trainingStep());
  }

  @Test
  void resumeFallsBackPastATruncatedIndexAndAMalformedTrainerState() throws IOException {
    Path run = copy();
    truncate(run.resolve("checkpoints").resolve("step-0000000030").resolve("model.index"));
    Path state = run.resolve("checkpoints").resolve("step-0000000020").resolve("state.properties");
    Files.writeString(state, Files.readString(state).replaceAll("(?m)^runs=.*$", "runs=12x"));
    CliRunner.Outcome resumed = CliRunner.run("train", "--objective", "gan", "--steps", "40", "--checkpoint-every", "10",
        "--width", "8", "--no-tensorboard", "--out", run.toString(), "--resume");
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertEquals(2, resumed.errorLines().size(), resumed.err());
    assertTrue(resumed.errorLines().get(0).contains("step-0000000030: it does not restore"), resumed.err());
    assertTrue(resumed.errorLines().get(1).contains("step-0000000020: its state is refused")
        && resumed.errorLines().get(1).contains("'runs'") && resumed.errorLines().get(1).contains("12x"), resumed.err());
    assertTrue(resumed.out().contains("at step 10"), resumed.out());
    assertEquals("step-0000000040", Files.readString(run.resolve("checkpoints").resolve("latest")).trim());
  }

  @Test
  void whenNoCheckpointRestoresOneLineNamesTheFolder() throws IOException {
    Path run = copy();
    for (long step : new long[] {10, 20, 30}) {
      truncate(dataFile(run, step));
    }
    for (String[] command : new String[][] {
        {"sample", "--checkpoint", run.toString(), "--n", "10", "--out", dir.resolve("s.npy").toString()},
        {"export", "--checkpoint", run.toString(), "--out", dir.resolve("model").toString()},
        {"train", "--objective", "gan", "--steps", "40", "--width", "8", "--no-tensorboard", "--quiet", "--out",
            run.toString(), "--resume"}}) {
      CliRunner.Outcome outcome = CliRunner.run(command);
      assertEquals(2, outcome.exitCode(), command[0] + ": " + outcome.err());
      assertEquals(1, outcome.errorLines().size(), command[0] + ": " + outcome.err());
      assertTrue(outcome.err().contains(run.resolve("checkpoints") + ": no checkpoint restores"), outcome.err());
    }
  }

  private static void assertSkippedStep30(CliRunner.Outcome outcome) {
    assertEquals(1, outcome.errorLines().size(), outcome.err());
    assertTrue(outcome.err().contains("skipped checkpoint") && outcome.err().contains("step-0000000030")
        && outcome.err().contains("does not restore"), outcome.err());
  }

  private Path copy() throws IOException {
    Path run = dir.resolve("run");
    try (Stream<Path> walk = Files.walk(original)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = run.resolve(original.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return run;
  }

  private static Path dataFile(Path run, long step) throws IOException {
    try (Stream<Path> files = Files.list(run.resolve("checkpoints").resolve(String.format("step-%010d", step)))) {
      return files.filter(p -> p.getFileName().toString().startsWith("model.data-")).findFirst().orElseThrow();
    }
  }

  /** Cuts {@code file} to its first 10 bytes (half might keep the generator's variables whole). */
  private static void truncate(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(10);
    }
  }
}
