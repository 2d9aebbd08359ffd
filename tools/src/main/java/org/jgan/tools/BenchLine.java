package org.jgan.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One line of the {@code jgan bench} suite: a measurement that prints its result as a ratio taken
 * within one process run, so a busy machine slows both sides alike.
 */
interface BenchLine {
  /** The suite's lines by name, in the order {@code jgan bench} lists them. */
  Map<String, Supplier<BenchLine>> LINES = Map.of("iteration", IterationBench::new, "memory", MemoryBench::new);

  /** The names {@link #LINES} knows, sorted. */
  static List<String> names() {
    return LINES.keySet().stream().sorted().toList();
  }

  /**
   * What every line may read.
   *
   * @param threads intra-op threads of every session
   * @param dataDir the data folder (MNIST for the iteration line)
   * @param models the iteration line's models: toy8 and/or mnist
   * @param rounds timed rounds per measurement, of which the median is reported
   * @param iterations the memory line's fused iterations
   */
  record Settings(int threads, Path dataDir, List<String> models, int rounds, int iterations) {}

  /** Measures and prints this line's results to {@code out}. */
  void run(Settings settings, PrintWriter out) throws Exception;
}
