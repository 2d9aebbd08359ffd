package org.jgan.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jgan.data.BatchSource;
import org.jgan.graphs.SessionSettings;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import org.jgan.training.Trainer.Execution;

/**
 * One model trained, fused, by one trainer per intra-op thread count, side by side in this
 * process: blocks of iterations of each in turn, so a load that comes and goes falls on all of them
 * alike. Each trainer has its own pool only where {@link PerSessionPools#active()}.
 */
public final class ThreadCounts {
  private ThreadCounts() {}

  /**
   * Times per iteration of {@code model} on each of {@code counts} intra-op threads, in that order.
   *
   * @param data a fresh batch source for each trainer
   * @param warmup untimed iterations of each trainer first
   * @param rounds timed rounds, one block of {@code block} iterations of each trainer per round
   * @return each count's times, as {@link BenchTiming#medianPerIteration} gives them
   */
  public static BenchTiming.PerIteration[] compare(ModelSpec model, Supplier<BatchSource> data, List<Integer> counts,
      int warmup, int rounds, int block) {
    List<Trainer> trainers = new ArrayList<>();
    try {
      for (int count : counts) {
        trainers.add(new Trainer(model, data.get(), SessionSettings.cpu(count), Execution.FUSED));
      }
      for (Trainer trainer : trainers) {
        trainer.planIterations(1_000_000);
        for (int i = 0; i < warmup; i++) {
          trainer.iterate(false);
        }
      }
      return BenchTiming.medianPerIteration(trainers.toArray(Trainer[]::new), rounds, block);
    } finally {
      trainers.forEach(Trainer::close);
    }
  }
}
