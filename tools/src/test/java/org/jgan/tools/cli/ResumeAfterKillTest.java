package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.experiment.JganProcess;

/**
 * Checkpoint, kill, resume: a training process killed with SIGKILL mid-run and then resumed
 * writes the same loss log as a run that was never interrupted.
 */
class ResumeAfterKillTest {
  private static final String[] RUN = {"train", "--objective", "wgan-gp", "--dataset", "toy8", "--width", "32",
      "--seed", "9", "--checkpoint-every", "20", "--log-every", "1", "--quiet",
      // Linear decay follows --steps, which differs between the runs below; the schedule is not what is tested here.
      "--lr-decay", "none"};

  @TempDir
  Path dir;

  @Test
  void killedAndResumedRunLogsTheSameLossesAsAnUninterruptedOne() throws Exception {
    int steps = 120;
    Path reference = dir.resolve("reference");
    CliRunner.Outcome straight = CliRunner.run(with("--steps", "" + steps, "--out", reference.toString()));
    assertEquals(0, straight.exitCode(), straight.err());

    Path killed = dir.resolve("killed");
    Process process = startTraining(with("--steps", "100000", "--out", killed.toString()));
    Path latest = killed.resolve("checkpoints/latest");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.exists(latest) && Files.readString(latest).contains("step-0000000040"))) {
        assertTrue(process.isAlive(), "training process ended early");
        assertTrue(System.nanoTime() < deadline, "no checkpoint at step 40 within 120 s");
        Thread.sleep(20);
      }
    } finally {
      process.destroyForcibly().waitFor();
    }
    CliRunner.Outcome resumed = CliRunner.run(with("--steps", "" + steps, "--out", killed.toString(), "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.err());

    List<String> expected = Files.readAllLines(reference.resolve("log.jsonl"));
    assertEquals(steps, expected.size());
    assertEquals(expected, Files.readAllLines(killed.resolve("log.jsonl")));
  }

  private static String[] with(String... extra) {
    List<String> args = new ArrayList<>(List.of(RUN));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static Process startTraining(String[] args) throws Exception {
    return new ProcessBuilder(JganProcess.command(List.of(args))).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
