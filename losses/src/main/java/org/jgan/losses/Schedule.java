package org.jgan.losses;

import java.util.List;
import java.util.function.LongToIntFunction;

/** Which phases run, in order and how many times, in each training iteration (one generator update). */
@FunctionalInterface
public interface Schedule {
  /** A phase and how many consecutive times it runs. */
  record PhaseRun(TrainPhase phase, int repeats) {}

  /** The runs of iteration {@code iteration} (counted from 0). */
  List<PhaseRun> plan(long iteration);

  /** {@code criticSteps(iteration)} critic updates, then one generator update. */
  static Schedule criticThenGenerator(TrainPhase critic, TrainPhase generator, LongToIntFunction criticSteps) {
    return iteration -> List.of(new PhaseRun(critic, criticSteps.applyAsInt(iteration)), new PhaseRun(generator, 1));
  }
}
