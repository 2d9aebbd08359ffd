package org.jgan.tools.progress;

import java.io.PrintWriter;
import org.jgan.data.fetch.DownloadProgress;

/** A download's progress (bytes, rate, time left) through the shared {@link ProgressReporter}. */
public final class TerminalProgress implements DownloadProgress {
  private final ProgressReporter reporter;
  private ProgressTask task;

  TerminalProgress(ProgressReporter reporter) {
    this.reporter = reporter;
  }

  /** Progress on the console: a redrawn line on a terminal, plain lines otherwise, nothing when {@code quiet}. */
  public static DownloadProgress forConsole(PrintWriter err, boolean quiet) {
    return quiet ? DownloadProgress.QUIET : new TerminalProgress(ProgressReporter.forConsole(err, false));
  }

  @Override
  public void started(String label, long resumedAt, long total) {
    task = reporter.start(label, resumedAt, total, ProgressUnit.BYTES);
  }

  @Override
  public void advanced(long bytes) {
    task.update(bytes, "");
  }

  @Override
  public void finished() {
    task.finish("");
  }
}
