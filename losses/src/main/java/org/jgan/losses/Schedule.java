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

  /**
   * Whether every data-reading run of one iteration reads the same real batch (alpha-GAN's
   * Algorithm 1 updates all its networks on one minibatch); by default each reads the next batch.
   */
  default boolean oneBatchPerIteration() {
    return false;
  }

  /** Each phase once per iteration, in the given order, every data-reading phase on the same batch. */
  static Schedule inOrderOnOneBatch(List<TrainPhase> phases) {
    List<PhaseRun> runs = phases.stream().map(p -> new PhaseRun(p, 1)).toList();
    return new Schedule() {
      @Override
      public List<PhaseRun> plan(long iteration) {
        return runs;
      }

      @Override
      public boolean oneBatchPerIteration() {
        return true;
      }
    };
  }

  /**
   * One run of {@code joint} per iteration: a phase whose step updates the critic and the generator
   * together, from one forward pass, as the GAN paper's code did.
   */
  static Schedule simultaneous(TrainPhase joint) {
    List<PhaseRun> runs = List.of(new PhaseRun(joint, 1));
    return iteration -> runs;
  }

  /** {@code criticSteps(iteration)} critic updates, then one generator update. */
  static Schedule criticThenGenerator(TrainPhase critic, TrainPhase generator, LongToIntFunction criticSteps) {
    return iteration -> List.of(new PhaseRun(critic, criticSteps.applyAsInt(iteration)), new PhaseRun(generator, 1));
  }
}
