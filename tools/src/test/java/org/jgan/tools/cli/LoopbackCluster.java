package org.jgan.tools.cli;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgan.graphs.cluster.LoopbackPorts;
import org.jgan.tools.experiment.JganProcess;
import org.jgan.tools.run.ParentWatch;

/**
 * A TensorFlow cluster of {@code jgan server} child processes on 127.0.0.1 (free ports), for tests:
 * each task its own JVM, each wait bounded, every process stopped by {@link #close}.
 */
final class LoopbackCluster implements AutoCloseable {
  /** Bounds every wait on a child: JVM and TensorFlow start, then a stop. */
  static final long WAIT_SECONDS = 90;

  private final Path file;
  private final List<Process> all = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  private LoopbackCluster(Path file) {
    this.file = file;
  }

  /** Writes {@code dir/cluster.yaml} with {@code count} worker tasks and starts a server for each. */
  static LoopbackCluster startWorkers(Path dir, int count) throws IOException, InterruptedException {
    return start(dir, 0, count);
  }

  /**
   * Writes {@code dir/cluster.yaml} with {@code ps} parameter-server tasks (0 or more) and
   * {@code workers} worker tasks, and starts a server for each.
   */
  static LoopbackCluster start(Path dir, int ps, int workers) throws IOException, InterruptedException {
    List<Integer> ports = LoopbackPorts.free(ps + workers);
    List<String> psAddresses = new ArrayList<>();
    List<String> workerAddresses = new ArrayList<>();
    for (int i = 0; i < ps + workers; i++) {
      (i < ps ? psAddresses : workerAddresses).add("127.0.0.1:" + ports.get(i));
    }
    String yaml = (ps > 0 ? "ps: [" + String.join(", ", psAddresses) + "]\n" : "")
        + "worker: [" + String.join(", ", workerAddresses) + "]\n";
    LoopbackCluster cluster = new LoopbackCluster(Files.writeString(dir.resolve("cluster.yaml"), yaml));
    try {
      for (int i = 0; i < ps + workers; i++) {
        String job = i < ps ? "ps" : "worker";
        int task = i < ps ? i : i - ps;
        Path log = dir.resolve(job + "-" + task + ".log");
        ProcessBuilder builder = new ProcessBuilder(JganProcess.command(List.of("server", "--cluster",
            cluster.file.toString(), "--job", job, "--task", Integer.toString(task)))).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        builder.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        Process process = builder.start();
        cluster.all.add(process);
        if (job.equals("worker")) {
          cluster.workers.add(process);
        }
        cluster.logs.add(log);
      }
      for (int i = 0; i < cluster.logs.size(); i++) {
        LogLines.await(cluster.logs.get(i), "serving at", cluster.all.get(i), WAIT_SECONDS);
      }
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The cluster file. */
  Path file() {
    return file;
  }

  /** The process of worker task {@code task}. */
  Process worker(int task) {
    return workers.get(task);
  }

  /** Kills every server (a started TensorFlow server cannot be stopped cleanly) and waits, bounded. */
  @Override
  public void close() throws InterruptedException {
    for (Process task : all) {
      task.destroyForcibly();
    }
    for (Process task : all) {
      task.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
