package org.jgan.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jgan.graphs.cluster.ClusterSpec;
import org.jgan.graphs.cluster.TaskAddress;
import org.jgan.graphs.cluster.TensorFlowServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgan server}: serves one task of a cluster file with TensorFlow's gRPC runtime until the
 * process is stopped (SIGTERM or Ctrl-C; the JVM then exits with the signal's status, 143 or 130).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = {"Serve one task of a TensorFlow cluster (gRPC) until stopped with SIGTERM or Ctrl-C.",
        "TensorFlow's gRPC servers have no authentication: run clusters on a private network only."})
public final class ServerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "FILE",
      description = "cluster YAML file: job name -> list of host:port (jobs: worker, optional ps)")
  Path cluster;

  @Option(names = "--job", defaultValue = ClusterSpec.WORKER, description = "job of this task (default: ${DEFAULT-VALUE})")
  String job;

  @Option(names = "--task", defaultValue = "0", description = "task index within the job (default: ${DEFAULT-VALUE})")
  int task;

  @Option(names = "--allow-network",
      description = "serve a non-loopback address (no authentication: only on a private network)")
  boolean allowNetwork;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ClusterSpec clusterSpec = ClusterSpec.read(cluster);
    TaskAddress address = clusterSpec.address(job, task);
    if (!address.isLoopback() && !allowNetwork) {
      throw new IllegalArgumentException(cluster + ": " + job + "[" + task + "]: refusing to serve non-loopback address "
          + address + ": TensorFlow's gRPC server has no authentication (pass --allow-network on a private network only)");
    }
    PrintWriter out = spec.commandLine().getOut();
    TensorFlowServer server = TensorFlowServer.start(clusterSpec, job, task);
    String name = job + " task " + task;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop(); // TensorFlow cannot stop a started gRPC server: then the process exit ends it
      } finally {
        out.println("jgan server: " + name + " at " + server.target() + " stopped");
        out.flush();
      }
    }, "jgan-server-stop"));
    out.println("jgan server: " + name + " serving at " + server.target() + " (stop with SIGTERM or Ctrl-C)");
    out.flush();
    new CountDownLatch(1).await(); // serves until the JVM shuts down
    return 0;
  }
}
