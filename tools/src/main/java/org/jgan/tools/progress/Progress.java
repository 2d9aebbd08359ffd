package org.jgan.tools.progress;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * Training progress through the shared {@link ProgressReporter}: {@code step done/total}, rate,
 * time left and the latest losses. The experiment runner reads the {@code step N/M} prefix from a
 * cell's log.
 */
public final class Progress implements TrainingListener {
  private final ProgressTask task;
  private String latestLosses = "";

  public Progress(PrintWriter out, long startIteration, long total, boolean terminal) {
    this(new ProgressReporter(out, terminal ? ProgressReporter.Mode.TERMINAL : ProgressReporter.Mode.LOG,
        System::nanoTime), startIteration, total);
  }

  public Progress(ProgressReporter reporter, long startIteration, long total) {
    this.task = reporter.start("step", startIteration, total, ProgressUnit.ITEMS);
  }

  /** Progress asks for no scalars of its own: it shows the losses of the latest iteration that fetched them. */
  @Override
  public boolean wantsMetrics(long iteration) {
    return false;
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) {
    String losses = metrics.entrySet().stream()
        .filter(e -> e.getKey().endsWith("/loss"))
        .map(e -> String.format("%s=%.4f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(" "));
    if (!losses.isEmpty()) {
      latestLosses = losses;
    }
    task.update(trainer.state().iteration(), latestLosses);
  }
}
