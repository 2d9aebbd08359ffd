package org.jgan.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgan.graphs.cluster.ClusterSpec;
import org.jgan.graphs.cluster.LoopbackPorts;
import org.jgan.tools.experiment.JganProcess;
import org.jgan.tools.run.ParentWatch;

/**
 * Cluster workers for a bench: {@code jgan server} processes on free 127.0.0.1 ports, each started
 * here and awaited a bounded time, all stopped on {@link #close} (SIGTERM, then SIGKILL if one
 * lingers). They also die with this process ({@link ParentWatch}).
 */
final class LoopbackWorkers implements AutoCloseable {
  /** How long a server may take to say it serves (JVM and TensorFlow start on a busy machine). */
  static final long START_SECONDS = 120;
  /** How long a stopped server may take to exit before it is killed. */
  private static final long STOP_SECONDS = 20;

  private final Path folder;
  private final List<String> addresses = new ArrayList<>();
  private final List<Process> servers = new ArrayList<>();

  private LoopbackWorkers(Path folder) {
    this.folder = folder;
  }

  /**
   * Starts {@code count} workers of one cluster, their cluster file and logs in {@code folder}.
   *
   * @throws IOException when a server does not say it serves within {@link #START_SECONDS} or exits
   *     first (its log's last line quoted)
   */
  static LoopbackWorkers start(Path folder, int count) throws IOException, InterruptedException {
    LoopbackWorkers workers = new LoopbackWorkers(folder);
    try {
      for (int port : LoopbackPorts.free(count)) {
        workers.addresses.add("127.0.0.1:" + port);
      }
      Path cluster = workers.clusterFile(count);
      for (int task = 0; task < count; task++) {
        Path log = folder.resolve("worker-" + task + ".log");
        ProcessBuilder builder = new ProcessBuilder(JganProcess.command(List.of("server", "--cluster", cluster.toString(),
            "--task", Integer.toString(task)))).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
        builder.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        workers.servers.add(builder.start());
      }
      for (int task = 0; task < count; task++) {
        awaitServing(workers.servers.get(task), folder.resolve("worker-" + task + ".log"));
      }
      return workers;
    } catch (IOException | InterruptedException | RuntimeException e) {
      workers.close();
      throw e;
    }
  }

  /**
   * A cluster file naming the first {@code count} workers (the servers were started with all of
   * them; a sweep given fewer uses only those).
   */
  Path clusterFile(int count) throws IOException {
    return Files.writeString(folder.resolve("cluster-" + count + ".yaml"),
        ClusterSpec.WORKER + ": [" + String.join(", ", addresses.subList(0, count)) + "]\n", StandardCharsets.UTF_8);
  }

  /** The process ids of the servers, in task order. */
  List<Long> pids() {
    return servers.stream().map(Process::pid).toList();
  }

  @Override
  public void close() {
    servers.forEach(server -> server.toHandle().destroy());
    for (Process server : servers) {
      try {
        if (!server.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        server.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitServing(Process server, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (text.contains("serving at")) {
        return;
      }
      if (!server.isAlive()) {
        throw new IOException("worker server exited with " + server.exitValue() + ": " + lastLine(text) + " (log: " + log + ")");
      }
      Thread.sleep(50);
    }
    throw new IOException("worker server did not start serving within " + START_SECONDS + " s (log: " + log + ")");
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
