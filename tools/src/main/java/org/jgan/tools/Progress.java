package org.jgan.tools;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * Console progress: iteration, rate, time left and the latest losses. On a terminal it updates
 * about twice a second; otherwise (CI logs) it prints one line per tenth of the run.
 */
final class Progress implements TrainingListener {
  private final PrintWriter out;
  private final long total;
  private final boolean terminal;
  private final long startIteration;
  private final long startNanos = System.nanoTime();
  private long lastPrint;
  private long lastDecile = -1;

  Progress(PrintWriter out, long startIteration, long total, boolean terminal) {
    this.out = out;
    this.startIteration = startIteration;
    this.total = total;
    this.terminal = terminal;
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) {
    long done = trainer.state().iteration();
    long now = System.nanoTime();
    boolean last = done == total;
    if (terminal) {
      if (!last && now - lastPrint < 500_000_000L) {
        return;
      }
    } else {
      long decile = total == 0 ? 10 : done * 10 / total;
      if (decile == lastDecile && !last) {
        return;
      }
      lastDecile = decile;
    }
    lastPrint = now;
    double seconds = (now - startNanos) / 1e9;
    double rate = (done - startIteration) / Math.max(seconds, 1e-9);
    double left = rate > 0 ? (total - done) / rate : 0;
    String losses = metrics.entrySet().stream()
        .filter(e -> e.getKey().endsWith("/loss"))
        .map(e -> String.format("%s=%.4f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(" "));
    String line = String.format("step %d/%d  %3.0f%%  %.1f it/s  eta %.0fs  %s", done, total,
        total == 0 ? 100.0 : 100.0 * done / total, rate, left, losses);
    if (terminal) {
      out.print("\r" + line + "   ");
      if (last) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }
}
