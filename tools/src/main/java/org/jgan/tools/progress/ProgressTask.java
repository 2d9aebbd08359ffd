package org.jgan.tools.progress;

import java.util.Locale;

/**
 * One piece of long work being reported: {@code label done/total  pct  rate  ETA m:ss  detail}.
 * The rate is the work done since the task started divided by the time since, and the time left
 * is what remains at that rate.
 */
public final class ProgressTask {
  /** A log line at most this often for work of unknown size. */
  static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

  private final ProgressReporter reporter;
  private final String label;
  private final long startedAt;
  private final long total;
  private final ProgressUnit unit;
  private final long startNanos;
  private long lastShownNanos;
  private long lastTenth = -1;
  private long done;
  private boolean finished;

  ProgressTask(ProgressReporter reporter, String label, long startedAt, long total, ProgressUnit unit, long startNanos) {
    this.reporter = reporter;
    this.label = label;
    this.startedAt = startedAt;
    this.total = total;
    this.unit = unit;
    this.startNanos = startNanos;
    this.done = startedAt;
  }

  /** {@code done} units are now complete; {@code detail} (latest losses, the current item) ends the line. */
  public void update(long done, String detail) {
    this.done = done;
    if (total >= 0 && done >= total) {
      finish(detail);
    } else {
      show(done, detail, false);
    }
  }

  /** The work ended; a terminal line is closed with a newline. */
  public void finish(String detail) {
    if (!finished) {
      finished = true;
      show(done, detail, true);
    }
  }

  void show(long done, String detail, boolean force) {
    long now = reporter.now();
    boolean last = finished;
    switch (reporter.mode()) {
      case QUIET -> {
        return;
      }
      case TERMINAL -> {
        if (!force && !last && now - lastShownNanos < ProgressReporter.REDRAW_NANOS) {
          return;
        }
      }
      case LOG -> {
        if (total < 0) {
          // Without a total there are no tenths: a line every LOG_INTERVAL_NANOS at most.
          if (!force && !last && now - lastShownNanos < LOG_INTERVAL_NANOS) {
            return;
          }
        } else {
          long tenth = total == 0 ? 10 : Math.min(10, done * 10 / total);
          if (!force && tenth == lastTenth) {
            return;
          }
          lastTenth = tenth;
        }
      }
    }
    lastShownNanos = now;
    reporter.print(line(done, now, detail), finished);
  }

  /** The progress line at {@code now} nanoseconds. */
  String line(long done, long now, String detail) {
    double seconds = (now - startNanos) / 1e9;
    double rate = seconds > 0 ? (done - startedAt) / seconds : 0;
    StringBuilder line = new StringBuilder(label).append(' ').append(unit.amount(done));
    if (total >= 0) {
      line.append('/').append(unit.amount(total));
      line.append(String.format(Locale.ROOT, "  %3.0f%%", total == 0 ? 100.0 : 100.0 * done / total));
    }
    // Before any work is done there is no rate to show, nor a time left.
    if (rate > 0) {
      line.append("  ").append(unit.rate(rate));
    }
    if (total >= 0 && rate > 0) {
      long left = Math.round((total - done) / rate);
      line.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
    }
    if (detail != null && !detail.isEmpty()) {
      line.append("  ").append(detail);
    }
    return line.toString();
  }
}
