package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgan.graphs.cluster.LoopbackPorts;
import org.jgan.graphs.cluster.RemoteSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.jgan.tools.experiment.JganProcess;
import org.jgan.tools.run.ParentWatch;

/** {@code jgan server}: cluster-file checks, the loopback rule, and a real server child process on 127.0.0.1. */
class ServerCommandTest {
  /** Bounds every wait on the child: JVM and TensorFlow start, then a stop. */
  private static final long WAIT_SECONDS = 90;

  @TempDir
  Path dir;

  private Process child;

  @AfterEach
  void stopChild() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
      child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private Path cluster(String yaml) throws IOException {
    return Files.writeString(dir.resolve("cluster.yaml"), yaml);
  }

  @Test
  void clusterFileErrorsAreOneLineNamingTheField() throws IOException {
    Path file = cluster("worker: [127.0.0.1:1, 127.0.0.1:1]\n");
    CliRunner.run("server", "--cluster", file.toString()).assertOneLineError(
        file + ": worker[1]: duplicate address 127.0.0.1:1");
    file = cluster("worker: [127.0.0.1:1]\nmaster: [127.0.0.1:2]\n");
    CliRunner.run("server", "--cluster", file.toString()).assertOneLineError("unknown job 'master'");
    file = cluster("worker: [127.0.0.1:1]\n");
    CliRunner.run("server", "--cluster", file.toString(), "--task", "1").assertOneLineError(
        file + ": task 1 out of range: job 'worker' has tasks 0..0");
    CliRunner.run("server", "--cluster", file.toString(), "--job", "ps").assertOneLineError("no job 'ps'");
  }

  @Test
  void nonLoopbackAddressIsRefusedWithoutAllowNetwork() throws IOException {
    // Refused before anything binds: 192.0.2.0/24 is a documentation range no machine has.
    Path file = cluster("worker: [127.0.0.1:1, 192.0.2.7:2223]\n");
    CliRunner.run("server", "--cluster", file.toString(), "--task", "1").assertOneLineError(
        "worker[1]: refusing to serve non-loopback address 192.0.2.7:2223");
    assertTrue(CliRunner.run("server", "--cluster", file.toString(), "--task", "1").err().contains("--allow-network"));
  }

  @Test
  void servesARemoteMatmulRefusesTheSamePortTwiceAndStopsOnSigterm() throws Exception {
    int port = LoopbackPorts.free(1).get(0);
    String address = "127.0.0.1:" + port;
    Path file = cluster("worker: [" + address + "]\n");
    Path log = dir.resolve("server.log");
    child = startServer(file, log);
    String serving = awaitLine(log, "serving at");
    assertEquals("jgan server: worker task 0 serving at grpc://" + address + " (stop with SIGTERM or Ctrl-C)", serving);

    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder().job("worker").replica(0).task(0).build());
      Operand<TFloat32> product = tf.linalg.matMul(
          tf.constant(new float[][] {{1, 2}, {3, 4}}), tf.constant(new float[][] {{5, 6}, {7, 8}}));
      try (Session session = RemoteSessions.open(graph, "grpc://" + address, ConfigProto.getDefaultInstance());
          TFloat32 result = (TFloat32) session.runner().fetch(product).run().get(0)) {
        assertArrayEquals(new float[][] {{19, 22}, {43, 50}}, StdArrays.array2dCopyOf(result));
      }
    }

    // A child too: were the port check to pass, an in-process server would serve forever.
    Path secondLog = dir.resolve("second.log");
    Process second = startServer(file, secondLog);
    try {
      assertTrue(second.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "a second server on " + address + " kept running");
    } finally {
      second.destroyForcibly();
    }
    assertEquals(2, second.exitValue(), Files.readString(secondLog));
    assertTrue(Files.readString(secondLog).contains(file + ": address " + address + " is in use"), Files.readString(secondLog));

    child.destroy(); // SIGTERM
    assertTrue(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "server still running after SIGTERM");
    assertEquals(143, child.exitValue(), "exit code after SIGTERM: the JVM keeps the signal's status");
    assertEquals("jgan server: worker task 0 at grpc://" + address + " stopped", awaitLine(log, "stopped"));
  }

  /** {@code jgan server --cluster file} in a child JVM, its output (stdout and stderr) into {@code log}. */
  private static Process startServer(Path file, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(JganProcess.command(List.of("server", "--cluster", file.toString(),
        "--job", "worker", "--task", "0"))).redirectErrorStream(true);
    // A file, not a pipe: Process.destroy() closes the pipe before the child's last line is read.
    builder.redirectOutput(log.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid())); // dies with the test
    return builder.start();
  }

  /** The first line of {@code log} containing {@code text}, waiting for it at most {@link #WAIT_SECONDS}. */
  private static String awaitLine(Path log, String text) throws IOException, InterruptedException {
    return LogLines.await(log, text, null, WAIT_SECONDS);
  }
}
