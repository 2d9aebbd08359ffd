package org.jgan.tools.progress;

import java.util.Locale;

/** What a task counts, and how its amounts and rate are written. */
public enum ProgressUnit {
  /** Bytes, written in kB or MB; the rate in MB/s. */
  BYTES,
  /** Anything counted one by one (iterations, batches, metrics, cells): plain numbers, rate per second. */
  ITEMS;

  /** {@code amount} of this unit as text. */
  public String amount(long amount) {
    return this == BYTES ? humanSize(amount) : Long.toString(amount);
  }

  /** {@code perSecond} of this unit as text. */
  public String rate(double perSecond) {
    if (this == BYTES) {
      return String.format(Locale.ROOT, "%.1f MB/s", perSecond / 1e6);
    }
    // Slow work (experiment cells, metrics) reads better per minute than as 0.0/s.
    return perSecond > 0 && perSecond < 1 ? String.format(Locale.ROOT, "%.1f/min", perSecond * 60)
        : String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  /** {@code bytes} in MB with one decimal, or in kB below a megabyte (where 0.0 MB would say nothing). */
  public static String humanSize(long bytes) {
    return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
