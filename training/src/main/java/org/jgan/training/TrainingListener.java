package org.jgan.training;

import java.util.Map;

/** Observes training: logging, checkpointing and progress are listeners, not trainer code. */
@FunctionalInterface
public interface TrainingListener {
  /**
   * Called after each iteration.
   *
   * @param metrics the last value of each phase's scalars, keyed {@code phase/metric}
   */
  void afterIteration(Trainer trainer, Map<String, Float> metrics) throws Exception;

  /** Called once when training stops normally. */
  default void finished(Trainer trainer) throws Exception {}
}
