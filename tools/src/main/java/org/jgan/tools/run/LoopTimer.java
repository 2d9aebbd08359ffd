package org.jgan.tools.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * Times a run's training loop and writes {@code timing.json} when it ends: the iterations this
 * process ran, the loop's wall time, and the steady cost of one iteration, measured over the second
 * half of them so that the first session runs (graph optimisation, memory allocation) and the
 * objectives' front-loaded critic schedules do not count. {@code jgan experiment time} extrapolates
 * full-scale runs from it. A resumed run that has nothing left to run leaves an earlier file as it is.
 */
public final class LoopTimer implements TrainingListener {
  public static final String FILE = "timing.json";

  private final Path file;
  private final long firstIteration;
  private final long start = System.nanoTime();
  private long[] stamps = new long[1024];
  private int count;

  /** Writes to {@code file}; the loop starts at {@code firstIteration} (above 0 when resumed). */
  LoopTimer(Path file, long firstIteration) {
    this.file = file;
    this.firstIteration = firstIteration;
  }

  @Override
  public boolean wantsMetrics(long iteration) {
    return false;
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) {
    if (count == stamps.length) {
      stamps = java.util.Arrays.copyOf(stamps, count * 2);
    }
    stamps[count++] = System.nanoTime();
  }

  @Override
  public void finished(Trainer trainer) throws IOException {
    if (count == 0 && java.nio.file.Files.exists(file)) {
      return; // a resume with nothing left to run keeps the timing of the process that ran the loop
    }
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("first_iteration", firstIteration);
    timing.put("iterations", count);
    timing.put("loop_seconds", count == 0 ? 0.0 : (stamps[count - 1] - start) / 1e9);
    timing.put("first_iteration_seconds", count == 0 ? null : (stamps[0] - start) / 1e9);
    timing.put("seconds_per_iteration", steadySecondsPerIteration());
    org.jgan.graphs.JsonFiles.write(file, timing);
  }

  /** Wall time per iteration over the second half of the loop; null with fewer than 4 iterations. */
  Double steadySecondsPerIteration() {
    if (count < 4) {
      return null;
    }
    int from = count / 2;
    return (stamps[count - 1] - stamps[from - 1]) / 1e9 / (count - from);
  }
}
