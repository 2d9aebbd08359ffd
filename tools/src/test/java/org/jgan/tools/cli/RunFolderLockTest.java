package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgan.graphs.FolderLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.experiment.JganProcess;

/**
 * One writer per run folder and per experiment folder: a second {@code train}, a {@code --resume}
 * or a second {@code experiment run} is refused with one line naming the folder and the holder's
 * process id, readers are not blocked, and a lock left by a killed process blocks nobody.
 */
class RunFolderLockTest {
  private static final List<String> TRAIN = List.of("train", "--objective", "gan", "--width", "8", "--log-every", "1",
      "--checkpoint-every", "20", "--quiet", "--no-tensorboard");

  @TempDir
  Path dir;

  @Test
  void aRunFolderHasOneWriterWhileItTrains() throws Exception {
    Path run = dir.resolve("run");
    Process training = new ProcessBuilder(JganProcess.command(List.of(args("--steps", "1000000", "--out", run.toString()))))
        .redirectErrorStream(true).redirectOutput(dir.resolve("training.log").toFile()).start();
    String pid = Long.toString(training.pid());
    try {
      Path latest = run.resolve("checkpoints/latest");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.exists(latest)) {
        assertTrue(training.isAlive(), "training ended early: " + Files.readString(dir.resolve("training.log")));
        assertTrue(System.nanoTime() < deadline, "no checkpoint within 120 s");
        Thread.sleep(20);
      }
      String config = Files.readString(run.resolve("config.json"));

      assertRefused(CliRunner.run(args("--steps", "30", "--seed", "2", "--out", run.toString())), run, pid);
      long linesBefore = Files.readAllLines(run.resolve("log.jsonl")).size();
      assertRefused(CliRunner.run(args("--steps", "1000000", "--out", run.toString(), "--resume")), run, pid);
      assertTrue(Files.readAllLines(run.resolve("log.jsonl")).size() >= linesBefore, "the refused resume kept the log");
      assertEquals(config, Files.readString(run.resolve("config.json")));

      CliRunner.Outcome sampled = CliRunner.run("sample", "--checkpoint", run.toString(), "--n", "5",
          "--out", dir.resolve("samples.npy").toString());
      assertEquals(0, sampled.exitCode(), "a reader is not blocked: " + sampled.err());
    } finally {
      training.destroyForcibly().waitFor();
    }
    // The killed process's lock file still names it, but the operating system released its lock.
    long step = Long.parseLong(Files.readString(run.resolve("checkpoints/latest")).trim().substring("step-".length()));
    CliRunner.Outcome resumed = CliRunner.run(args("--steps", Long.toString(step + 2), "--out", run.toString(), "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.err());
  }

  @Test
  void anExperimentFolderHasOneRunner() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, """
        name: tiny
        grid:
          objective: [gan]
        seeds: [1]
        train: {steps: 2, width: 8}
        eval: {metrics: [toy], n: 100}
        """);
    Path sweep = dir.resolve("sweep");
    Path run = dir.resolve("run");
    String self = Long.toString(ProcessHandle.current().pid());
    try (FolderLock held = FolderLock.acquire(sweep); FolderLock training = FolderLock.acquire(run)) {
      assertRefused(CliRunner.run("experiment", "run", file.toString(), "--out", sweep.toString()), sweep, self);
      assertRefused(CliRunner.run(args("--steps", "2", "--out", run.toString())), run, self);
    }
    try (var entries = Files.list(sweep)) {
      assertEquals(List.of(sweep.resolve(FolderLock.FILE)), entries.toList(), "the refused sweep wrote nothing");
    }
    assertFalse(Files.exists(run.resolve("config.json")), "the refused run wrote nothing");
  }

  private static void assertRefused(CliRunner.Outcome outcome, Path folder, String pid) {
    outcome.assertOneLineError(folder.toString(), "pid " + pid);
  }

  private static String[] args(String... extra) {
    return CliRunner.args(TRAIN, extra);
  }
}
