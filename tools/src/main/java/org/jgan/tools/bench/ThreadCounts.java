package org.jgan.tools.bench;

import java.util.ArrayList;
import java.util.Comparator;
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
 * alike. Each trainer has its own pool only where {@link PerSessionPools#active()}. Even then,
 * TensorFlow's oneDNN kernels (products, convolutions) split their work for no more threads than
 * the first session that ran them had: with 1 before 2, the 2-thread trainer's convolutions ran on
 * one thread (MNIST DCGAN-28 on an Intel Xeon, 2026-12-05: 209 ms per iteration, against 107 ms
 * with 2 first). So the trainers are built and warmed up largest count first ({@link #creationOrder}).
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
    Trainer[] trainers = new Trainer[counts.size()];
    try {
      for (int c : creationOrder(counts)) {
        Trainer trainer = new Trainer(model, data.get(), SessionSettings.cpu(counts.get(c)), Execution.FUSED);
        trainers[c] = trainer;
        trainer.planIterations(1_000_000);
        for (int i = 0; i < warmup; i++) {
          trainer.iterate(false);
        }
      }
      return BenchTiming.medianPerIteration(trainers, rounds, block);
    } finally {
      for (Trainer trainer : trainers) {
        if (trainer != null) {
          trainer.close();
        }
      }
    }
  }

  /** The positions of {@code counts}, largest count first (ties in their order): the order the trainers start in. */
  static List<Integer> creationOrder(List<Integer> counts) {
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < counts.size(); c++) {
      order.add(c);
    }
    order.sort(Comparator.comparing((Integer c) -> counts.get(c)).reversed());
    return order;
  }
}
