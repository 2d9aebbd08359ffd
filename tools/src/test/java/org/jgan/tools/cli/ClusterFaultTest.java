package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jgan.graphs.CheckpointStore;
import org.jgan.tools.experiment.JganProcess;
import org.jgan.tools.run.ParentWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker killed mid-run: the client stops with one line naming the task, its last checkpoint intact. */
class ClusterFaultTest {
  /** The client's step timeout: TensorFlow waits for a dead task until a run times out. */
  private static final int TIMEOUT_SECONDS = 15;

  @TempDir
  Path dir;

  private Process client;

  @AfterEach
  void stopClient() throws InterruptedException {
    if (client != null && client.isAlive()) {
      client.destroyForcibly();
      client.waitFor(LoopbackCluster.WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void killedWorkerStopsTheClientNamingTheTaskAndTheCheckpointResumesOnOneMachine() throws Exception {
    Path out = dir.resolve("run");
    List<String> common = List.of("train", "--objective", "wgan-gp", "--dataset", "toy8", "--batch", "64",
        "--width", "16", "--depth", "1", "--out", out.toString(), "--no-tensorboard", "--quiet", "--threads", "1");
    CheckpointStore store = new CheckpointStore(out.resolve("checkpoints"), 3);
    Path log = dir.resolve("client.log");
    try (LoopbackCluster cluster = LoopbackCluster.startWorkers(dir, 2)) {
      List<String> args = new ArrayList<>(common);
      args.addAll(List.of("--cluster", cluster.file().toString(), "--cluster-timeout", Integer.toString(TIMEOUT_SECONDS),
          "--steps", "1000000", "--checkpoint-every", "3"));
      ProcessBuilder builder = new ProcessBuilder(JganProcess.command(args)).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
      builder.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
      client = builder.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LoopbackCluster.WAIT_SECONDS);
      while (store.latest().map(c -> c.step() < 6).orElse(true) && System.nanoTime() < deadline && client.isAlive()) {
        Thread.sleep(100);
      }
      assertTrue(store.latest().isPresent() && client.isAlive(), "no checkpoint while training; " + Files.readString(log));
      cluster.worker(1).destroyForcibly().waitFor(LoopbackCluster.WAIT_SECONDS, TimeUnit.SECONDS);
      assertTrue(client.waitFor(TIMEOUT_SECONDS + LoopbackCluster.WAIT_SECONDS, TimeUnit.SECONDS),
          "client still running with worker 1 gone");
    }
    String output = Files.readString(log).strip();
    assertEquals(1, client.exitValue(), output);
    String last = output.lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("jgan train: failed: worker task 1 (127.0.0.1:"), last);
    Optional<CheckpointStore.Checkpoint> kept = store.latest();
    assertTrue(kept.isPresent());

    // The last checkpoint is whole: one machine resumes from it.
    long step = kept.get().step();
    List<String> resume = new ArrayList<>(common);
    resume.addAll(List.of("--steps", Long.toString(step + 1), "--resume"));
    CliRunner.Outcome resumed = CliRunner.run(resume.toArray(String[]::new));
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertEquals(step + 1, store.latest().orElseThrow().step());
  }
}
