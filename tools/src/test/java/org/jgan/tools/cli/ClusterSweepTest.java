package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgan.graphs.cluster.LoopbackPorts;
import org.jgan.tools.experiment.JganProcess;
import org.jgan.tools.run.ParentWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan experiment run --cluster}: two {@code jgan server} workers, each its own process on
 * 127.0.0.1; one is killed while its cell trains, and the sweep retries that cell, from its last
 * checkpoint, on the other worker.
 *
 * <p>The workers share no folder with the client: each runs in a working directory of its own and
 * the sweep's {@code --out} is relative, so a file a worker's op wrote or read at the client's
 * path would land in (or be missing from) the worker's directory. Checkpoints and event files must
 * therefore be written, and resumed from, by the client; the result is a single-machine run's
 * checkpoint, which {@code jgan train --resume} without a cluster continues.
 */
class ClusterSweepTest {
  /** Bounds every wait: JVM and TensorFlow starts, then two short cells one after the other. */
  private static final long WAIT_SECONDS = 240;

  private static final String SWEEP = """
      name: cluster
      grid:
        objective: [gan-ns]
      seeds: [1, 2]
      train: {steps: 1500, width: 8, batch: 16, checkpoint-every: 20}
      eval: {metrics: [toy], n: 200}
      """;

  @TempDir
  Path dir;

  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process child : children) {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
      child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCellWhoseWorkerIsKilledIsRetriedOnAnotherFromItsCheckpointAndTheSweepResumes() throws Exception {
    List<Integer> ports = LoopbackPorts.free(2);
    String[] workers = {"127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(1)};
    Path cluster = Files.writeString(dir.resolve("cluster.yaml"), "worker: [" + workers[0] + ", " + workers[1] + "]\n");
    Process[] servers = new Process[2];
    Path[] workerDirs = new Path[2];
    for (int task = 0; task < 2; task++) {
      Path log = dir.resolve("worker-" + task + ".log");
      workerDirs[task] = Files.createDirectories(dir.resolve("worker-" + task));
      servers[task] = start(workerDirs[task], log, "server", "--cluster", cluster.toString(), "--task",
          Integer.toString(task));
      LogLines.await(log, "serving at", servers[task], WAIT_SECONDS);
    }
    Path file = Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
    Path client = Files.createDirectories(dir.resolve("client"));
    Path out = client.resolve("sweep");
    Path sweepLog = dir.resolve("sweep.log");
    Process sweep = start(client, sweepLog, "experiment", "run", file.toString(), "--out", "sweep",
        "--cluster", cluster.toString(), "--quiet");

    String onWorker1 = awaitLine(sweepLog, "training on worker task 1 at " + workers[1]);
    String cell = onWorker1.substring("cell ".length(), onWorker1.indexOf(':'));
    Path checkpoint = out.resolve(cell).resolve("run").resolve("checkpoints").resolve("latest");
    awaitFile(checkpoint, sweepLog);
    servers[1].destroyForcibly(); // SIGKILL: the worker dies mid-cell

    assertTrue(sweep.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "sweep still running; output:\n" + read(sweepLog));
    String output = read(sweepLog);
    assertEquals(0, sweep.exitValue(), output);
    assertTrue(output.contains("cell " + cell + " failed on worker task 1 at " + workers[1] + ": "), output);
    assertTrue(output.contains("retrying from its last checkpoint on another worker"), output);
    assertTrue(output.contains("cell " + cell + ": training on worker task 0 at " + workers[0]), output);
    String retry = read(out.resolve(cell).resolve("train-2.log"));
    assertTrue(retry.contains("resumed"), "the retry resumed from the checkpoint the killed attempt left:\n" + retry);
    long[] serverPids = {servers[0].pid(), servers[1].pid()};
    for (String id : List.of("objective-gan_ns_seed-1", "objective-gan_ns_seed-2")) {
      assertTrue(Files.exists(out.resolve(id).resolve("result.json")), id + " has no result; output:\n" + output);
      assertEventFilesNotWrittenBy(out.resolve(id).resolve("run").resolve("tensorboard"), serverPids);
    }
    for (Path workerDir : workerDirs) {
      try (var written = Files.list(workerDir)) {
        assertEquals(List.of(), written.toList(), "a worker wrote into its own working directory");
      }
    }

    CliRunner.Outcome again = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString(),
        "--cluster", cluster.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("2 cells, 2 already complete, 0 to run"), again.out());

    // The client's checkpoint is a single-machine run's: plain `jgan train --resume` continues it.
    Path runDir = out.resolve(cell).resolve("run");
    String threads = com.google.gson.JsonParser.parseString(read(runDir.resolve("config.json"))).getAsJsonObject()
        .get("threads").getAsString();
    CliRunner.Outcome local = CliRunner.run("train", "--objective", "gan-ns", "--steps", "1510", "--width", "8",
        "--batch", "16", "--checkpoint-every", "20", "--seed", cell.substring(cell.lastIndexOf('-') + 1),
        "--threads", threads, "--out", runDir.toString(), "--resume");
    assertEquals(0, local.exitCode(), local.err());
    assertTrue(local.out().contains("resumed " + runDir + " at step 1500"), local.out());
  }

  /**
   * TensorFlow names an event file {@code events.out.tfevents.<time>.<host>.<pid>.<n>.v2} after the
   * process whose summary op wrote it: none may be a worker's.
   */
  private static void assertEventFilesNotWrittenBy(Path tensorBoard, long[] serverPids) throws IOException {
    List<String> names;
    try (var files = Files.list(tensorBoard)) {
      names = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("events.out.tfevents.")).toList();
    }
    assertTrue(!names.isEmpty(), "no event file in " + tensorBoard);
    for (String name : names) {
      String[] parts = name.split("\\.");
      long writer = Long.parseLong(parts[parts.length - 3]);
      for (long server : serverPids) {
        assertTrue(writer != server, name + " was written by worker process " + server);
      }
    }
  }

  /**
   * {@code jgan args} in a child JVM that dies with this one, working in {@code workingDir}, its
   * output into {@code log}.
   */
  private Process start(Path workingDir, Path log, String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(JganProcess.command(List.of(args))).redirectErrorStream(true);
    builder.directory(workingDir.toFile());
    builder.redirectOutput(log.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
    Process process = builder.start();
    children.add(process);
    return process;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static void awaitFile(Path file, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!Files.exists(file)) {
      if (System.nanoTime() > deadline) {
        fail("no " + file + " within " + WAIT_SECONDS + " s; output:\n" + read(log));
      }
      Thread.sleep(20);
    }
  }

  /** The first line of {@code log} containing {@code text}, waiting for it at most {@link #WAIT_SECONDS}. */
  private static String awaitLine(Path log, String text) throws IOException, InterruptedException {
    return LogLines.await(log, text, null, WAIT_SECONDS);
  }
}
