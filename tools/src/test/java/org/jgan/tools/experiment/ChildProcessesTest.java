package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shutdown of a JVM's children: each is asked to stop, and none starts once it has begun. */
class ChildProcessesTest {
  @Test
  void stopAllStopsTheRunningChildAndRefusesTheNext() throws Exception {
    ChildProcesses children = new ChildProcesses();
    Process sleeper = children.start(new ProcessBuilder("sleep", "60"), "sleep");
    Thread reader = new Thread(() -> {
      try {
        sleeper.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      children.forget(sleeper); // as JganProcess.run does once the child's output is read
    });
    reader.start();
    assertFalse(children.stopping());

    long started = System.nanoTime();
    children.stopAll(Duration.ofSeconds(30));
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "stopAll waited on a stopped child");
    assertFalse(sleeper.isAlive(), "the running child was asked to stop (SIGTERM)");
    assertTrue(children.stopping());

    ProcessBuilder next = new ProcessBuilder("sleep", "60");
    IOException refused = assertThrows(IOException.class, () -> children.start(next, "jgan train"));
    assertTrue(refused.getMessage().contains("'jgan train' not started"), refused.getMessage());
    reader.join();
  }

  @Test
  void stopAllWaitsNoLongerThanItsBoundForAChildNotYetForgotten() throws Exception {
    ChildProcesses children = new ChildProcesses();
    Process sleeper = children.start(new ProcessBuilder("sleep", "60"), "sleep");
    try {
      long started = System.nanoTime();
      children.stopAll(Duration.ofMillis(300)); // nothing forgets the child: the bound ends the wait
      long waited = System.nanoTime() - started;
      assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(300) && waited < TimeUnit.SECONDS.toNanos(10), waited + " ns");
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
  }
}
