package org.jgan.training;

import java.util.Map;

/** Observes training: logging, checkpointing and progress are listeners, not trainer code. */
@FunctionalInterface
public interface TrainingListener {
  /**
   * Called after each iteration.
   *
   * @param metrics the last value of each phase's scalars, keyed {@code phase/metric}; empty after an
   *     iteration that fetched none (see {@link #wantsMetrics})
   */
  void afterIteration(Trainer trainer, Map<String, Float> metrics) throws Exception;

  /**
   * Whether this listener reads the phases' scalars after iteration {@code iteration} (counted from
   * 1, as {@link TrainingState#iteration()} reads after it): {@link Trainer#trainUntil} fetches them
   * only for iterations some listener wants them from, and passes the others an empty map. Fetching
   * costs time on every iteration, so a listener that logs every N iterations says so here.
   * By default: every iteration.
   */
  default boolean wantsMetrics(long iteration) {
    return true;
  }

  /**
   * {@code listener}, reading the phases' scalars only after the iterations {@code wanted} accepts.
   *
   * @param wanted the iterations, counted from 1, whose scalars {@code listener} reads
   * @param listener what to call after every iteration
   * @return a listener that wants metrics where {@code wanted} says
   */
  static TrainingListener wantingMetrics(java.util.function.LongPredicate wanted, TrainingListener listener) {
    return new TrainingListener() {
      @Override
      public void afterIteration(Trainer trainer, Map<String, Float> metrics) throws Exception {
        listener.afterIteration(trainer, metrics);
      }

      @Override
      public boolean wantsMetrics(long iteration) {
        return wanted.test(iteration);
      }

      @Override
      public void finished(Trainer trainer) throws Exception {
        listener.finished(trainer);
      }
    };
  }

  /** Called once when training stops normally. */
  default void finished(Trainer trainer) throws Exception {}
}
