package org.jgan.tools;

import java.io.PrintWriter;
import java.util.Locale;
import org.jgan.data.fetch.DownloadProgress;

/** A download progress line (bytes, rate, time left) redrawn in place on a terminal. */
final class TerminalProgress implements DownloadProgress {
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter terminal;
  private String label;
  private long resumedAt;
  private long total;
  private long startNanos;
  private long lastDrawNanos;
  private long bytes;

  TerminalProgress(PrintWriter terminal) {
    this.terminal = terminal;
  }

  /** Progress lines when this process has a terminal, nothing otherwise (logs, pipes, tests). */
  static DownloadProgress forConsole(PrintWriter err) {
    return System.console() != null ? new TerminalProgress(err) : DownloadProgress.QUIET;
  }

  @Override
  public void started(String label, long resumedAt, long total) {
    this.label = label;
    this.resumedAt = resumedAt;
    this.total = total;
    this.bytes = resumedAt;
    this.startNanos = System.nanoTime();
    this.lastDrawNanos = 0;
    draw();
  }

  @Override
  public void advanced(long bytes) {
    this.bytes = bytes;
    if (System.nanoTime() - lastDrawNanos >= REDRAW_NANOS) {
      draw();
    }
  }

  @Override
  public void finished() {
    draw();
    terminal.println();
  }

  private void draw() {
    lastDrawNanos = System.nanoTime();
    double seconds = Math.max(1e-3, (lastDrawNanos - startNanos) / 1e9);
    double rate = (bytes - resumedAt) / seconds;
    StringBuilder line = new StringBuilder("\r").append(label).append("  ").append(humanSize(bytes));
    if (total > 0) {
      line.append(" / ").append(humanSize(total));
    }
    line.append(String.format(Locale.ROOT, "  %.1f MB/s", rate / 1e6));
    if (total > 0 && rate > 0) {
      long left = Math.round((total - bytes) / rate);
      line.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
    }
    terminal.print(line.append("    "));
    terminal.flush();
  }

  /** {@code bytes} in MB with one decimal, or in kB below a megabyte (where 0.0 MB would say nothing). */
  static String humanSize(long bytes) {
    return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
