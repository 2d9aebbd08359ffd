package org.jgan.tools.bench;

import java.util.ArrayList;
import java.util.List;
import org.jgan.training.Trainer;

/**
 * Traces fused iterations of a real {@link Trainer}: after a warm-up, each round runs one traced
 * iteration and then a block of untraced ones, so the trace's own cost can be told from an
 * ordinary iteration's time taken under the same load.
 */
public final class IterationTracer {
  private IterationTracer() {}

  /**
   * The traces' medians and the iterations' times.
   *
   * @param trace medians of the traced iterations
   * @param tracedMillis median elapsed time of a traced iteration, measured around its session runs
   * @param untracedMillis median elapsed time per untraced iteration
   */
  public record Outcome(TraceSummary trace, double tracedMillis, double untracedMillis) {}

  /**
   * Traces {@code rounds} iterations of {@code trainer} (fused), each followed by {@code block}
   * untraced ones, after {@code warmup} untraced iterations.
   */
  public static Outcome trace(Trainer trainer, int warmup, int rounds, int block) {
    trainer.planIterations(1_000_000);
    for (int i = 0; i < warmup; i++) {
      trainer.iterate(false);
    }
    List<StepTrace> traces = new ArrayList<>();
    double[] traced = new double[rounds];
    double[] untraced = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      var runs = trainer.iterateTraced();
      traced[r] = (System.nanoTime() - start) / 1e6;
      traces.add(StepTrace.of(runs));
      start = System.nanoTime();
      for (int i = 0; i < block; i++) {
        trainer.iterate(false);
      }
      untraced[r] = (System.nanoTime() - start) / 1e6 / block;
    }
    return new Outcome(TraceSummary.of(traces), BenchTiming.median(traced), BenchTiming.median(untraced));
  }
}
