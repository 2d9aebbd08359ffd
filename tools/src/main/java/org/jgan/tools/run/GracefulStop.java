package org.jgan.tools.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jgan.training.Trainer;

/**
 * Turns the JVM's shutdown (SIGTERM, SIGINT, or the parent watch's exit) into a graceful stop of a
 * training loop: a shutdown hook asks the attached trainer to stop after its current iteration, then
 * waits, at most {@link #WAIT_SECONDS}, until the run has saved its checkpoint, closed its log and
 * said where it stopped ({@link #close()}). The JVM keeps the signal's exit status (143, 130).
 */
public final class GracefulStop implements AutoCloseable {
  /** How long shutdown waits for the loop to save; a pre-empting scheduler kills sooner anyway. */
  public static final long WAIT_SECONDS = 120;

  private final CountDownLatch settled = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onShutdown, "jgan-graceful-stop");
  private volatile boolean requested;
  private volatile Trainer trainer;

  private GracefulStop() {}

  /** Installs the shutdown hook; close it when the run has ended, however it ended. */
  public static GracefulStop install() {
    GracefulStop stop = new GracefulStop();
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** The trainer to stop; one asked to stop before it existed stops at once. */
  void attach(Trainer trainer) {
    this.trainer = trainer;
    if (requested) {
      trainer.requestStop();
    }
  }

  private void onShutdown() {
    requested = true;
    Trainer attached = trainer;
    if (attached != null) {
      attached.requestStop();
    }
    try {
      settled.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lets a running shutdown go on; outside a shutdown, removes the hook. */
  @Override
  public void close() {
    settled.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it returns now that the latch is open.
    }
  }
}
