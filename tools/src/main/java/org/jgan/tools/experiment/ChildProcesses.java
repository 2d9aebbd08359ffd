package org.jgan.tools.experiment;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child processes a JVM has running, and their stop at its shutdown: once {@link #stopAll}
 * has begun, no further child starts. Without that, a sweep shutting down started its next cell
 * as each stopped one exited, and the new child ran on until the shutdown gave up waiting.
 */
final class ChildProcesses {
  private final Set<Process> children = ConcurrentHashMap.newKeySet();
  private boolean stopping;

  /** Starts {@code builder}'s process and keeps it until {@link #forget}; refused once stopping. */
  synchronized Process start(ProcessBuilder builder, String name) throws IOException {
    if (stopping) {
      throw new IOException("'" + name + "' not started: this jgan is stopping");
    }
    Process process = builder.start();
    children.add(process);
    return process;
  }

  /** The child has ended and its output has been read to the end. */
  void forget(Process process) {
    children.remove(process);
  }

  synchronized boolean stopping() {
    return stopping;
  }

  /**
   * Refuses further starts, asks every child to stop (SIGTERM, so training saves where it is) and
   * waits, at most {@code wait}, until each has been forgotten.
   */
  void stopAll(Duration wait) {
    synchronized (this) {
      stopping = true; // start() holds the same lock, so every child started before this line is in the set
    }
    // Through the handle: Process.destroy would also close the pipe that carries the child's last words to its log.
    children.forEach(child -> child.toHandle().destroy());
    long deadline = System.nanoTime() + wait.toNanos();
    while (!children.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
