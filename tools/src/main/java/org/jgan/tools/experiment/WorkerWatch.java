package org.jgan.tools.experiment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Supplier;
import org.jgan.graphs.cluster.CellTask;

/**
 * Whether a cluster worker still answers: a cell's session waits on a dead worker for a long time
 * (TensorFlow's gRPC client retries), so the sweep checks the worker's port itself and names the
 * task when it stops answering.
 */
final class WorkerWatch implements Supplier<String> {
  /** Failed connections in a row before the worker counts as gone: one may be a busy moment. */
  static final int FAILURES = 3;
  private static final int CONNECT_TIMEOUT_MS = 1000;

  private final CellTask worker;
  private int failures;

  private WorkerWatch(CellTask worker) {
    this.worker = worker;
  }

  /** A watch on {@code worker}, to pass to the cell's child process. */
  static WorkerWatch of(CellTask worker) {
    return new WorkerWatch(worker);
  }

  /** {@code null} while the worker answers; otherwise why the cell was stopped, naming the task. */
  @Override
  public synchronized String get() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(worker.address().host(), worker.address().port()), CONNECT_TIMEOUT_MS);
      failures = 0;
      return null;
    } catch (IOException e) {
      failures++;
      return failures < FAILURES ? null
          : worker + " stopped answering (" + e.getMessage() + "); the cell's last checkpoint is kept";
    }
  }
}
