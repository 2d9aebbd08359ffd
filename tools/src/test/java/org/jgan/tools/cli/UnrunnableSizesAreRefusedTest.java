package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes that cannot run here are refused before any graph is built, with one line naming the flag
 * and exit code 2 (before, some crashed the JVM in TensorFlow, others stalled it for minutes).
 */
class UnrunnableSizesAreRefusedTest {
  private static final String HUGE = Integer.toString(Integer.MAX_VALUE);

  @TempDir
  Path dir;

  private CliRunner.Outcome train(String... flags) {
    return CliRunner.run(CliRunner.args(List.of("train", "--objective", "gan", "--steps", "2", "--quiet",
        "--out", dir.resolve("run").toString()), flags));
  }

  private void assertRefused(CliRunner.Outcome outcome, String... fragments) {
    outcome.assertOneLineError(fragments);
    assertFalse(Files.exists(dir.resolve("run")), "nothing was written");
  }

  @Test
  void memoryHungrySizesAreRefusedWithTheEstimate() {
    assertRefused(train("--batch", HUGE), "--batch " + HUGE + " is too large", "GB", "more than this machine's");
    assertRefused(train("--width", HUGE), "--width " + HUGE + " is too large", "parameters");
    assertRefused(train("--z-dim", HUGE), "--z-dim " + HUGE + " is too large");
    assertRefused(train("--width", "100000", "--depth", "5"), "--width 100000 is too large");
    assertRefused(CliRunner.run("train", "--objective", "bgan-discrete", "--dataset", "binary-mnist", "--quiet",
        "--samples-per-z", HUGE, "--out", dir.resolve("run").toString()), "--samples-per-z " + HUGE + " is too large");
  }

  @Test
  void countsBeyondSanityAreRefused() {
    assertRefused(train("--threads", "100000"), "--threads 100000 is more than", "available processors");
    assertRefused(train("--depth", HUGE), "--depth " + HUGE + " is more than " + TrainCommand.MAX_DEPTH);
    assertRefused(CliRunner.run("train", "--objective", "gan", "--steps", "1000000000000000000", "--out",
        dir.resolve("run").toString()), "--steps 1000000000000000000 is more than");
    assertRefused(train("--critic-steps", HUGE), "--critic-steps " + HUGE + " is more than");
  }

  @Test
  void benchAndExperimentSizesAreBoundedToo() throws Exception {
    assertRefused(CliRunner.run("bench", "--batch", HUGE), "--batch " + HUGE + " is too large");
    assertRefused(CliRunner.run("bench", "--threads", "100000"), "--threads 100000");
    assertRefused(CliRunner.run("bench", "--steps", HUGE), "--steps and --warmup must be at most");
    Path file = dir.resolve("e.yaml");
    Files.writeString(file, "name: e\ntrain: {objective: gan, steps: 2}\n");
    assertRefused(CliRunner.run("experiment", "run", file.toString(), "--out", dir.resolve("run").toString(),
        "--jobs", "100000"), "--jobs 100000 is more than");
  }

  @Test
  void ordinarySizesStillPass() {
    CliRunner.Outcome ok = train("--batch", "512", "--width", "64", "--depth", "4", "--z-dim", "8", "--threads", "2");
    assertEquals(0, ok.exitCode(), ok.err());
  }
}
