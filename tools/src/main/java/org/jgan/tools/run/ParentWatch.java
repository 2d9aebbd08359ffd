package org.jgan.tools.run;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jgan.tools.experiment.JganProcess;

/**
 * Ends this JVM when the jgan process that started it ends, even by SIGKILL, so a sweep's cell
 * never outlives the sweep and races its resumed run. The exit runs the shutdown hooks, so a
 * training cell stops gracefully ({@link GracefulStop}) and keeps its last iterations.
 */
public final class ParentWatch {
  /** The environment variable through which {@link JganProcess} passes its own process id. */
  public static final String PARENT_PID = "JGAN_PARENT_PID";

  private ParentWatch() {}

  /** Starts watching the process {@value #PARENT_PID} names; nothing when it is unset. */
  public static void startFromEnvironment(PrintWriter err) {
    String value = System.getenv(PARENT_PID);
    if (value == null || value.isBlank()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      err.println("jgan: ignoring " + PARENT_PID + "='" + value + "': not a process id");
      return;
    }
    // An absent handle: the parent ended before this JVM got here.
    Optional<ProcessHandle> parent = ProcessHandle.of(pid);
    CompletableFuture<?> ended = parent.<CompletableFuture<?>>map(ProcessHandle::onExit)
        .orElse(CompletableFuture.completedFuture(null));
    ended.thenRun(() -> {
      err.println("jgan: parent process " + pid + " ended; stopping");
      err.flush();
      System.exit(1);
    });
  }
}
