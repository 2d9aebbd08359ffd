package org.jgan.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jgan.tools.experiment.JganProcess;
import org.jgan.tools.run.ParentWatch;

/**
 * One intra-op thread pool per session, so that sessions of different thread counts can be timed
 * side by side in one process. TensorFlow otherwise keeps one intra-op pool per process, sized by
 * the first session, and every later session shares it. It reads {@value #VARIABLE} once, when the
 * first session makes its device, from the process's environment, which Java cannot change: so a
 * process that lacks it runs the measurement in a child {@code jgan} process that has it.
 */
public final class PerSessionPools {
  /** TensorFlow's switch to per-session intra-op pools ({@code 1}). */
  public static final String VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

  private PerSessionPools() {}

  /** Whether this process's sessions each get their own intra-op pool. */
  public static boolean active() {
    return "1".equals(System.getenv(VARIABLE));
  }

  /**
   * Runs {@code jgan args} in a child process with per-session pools, its output (stdout and
   * stderr) copied line by line to {@code out}; returns its exit status. The child stops if this
   * process dies.
   */
  public static int runInChild(List<String> args, PrintWriter out) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(JganProcess.command(args)).redirectErrorStream(true);
    builder.environment().put(VARIABLE, "1");
    builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
    Process child = builder.start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        out.println(line);
        out.flush();
      }
      return child.waitFor();
    } finally {
      child.toHandle().destroy(); // nothing when it has ended; else an interrupted wait leaves no orphan
    }
  }
}
