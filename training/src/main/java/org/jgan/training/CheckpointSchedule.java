package org.jgan.training;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jgan.graphs.CheckpointStore;

/**
 * Saves a trainer's checkpoint into a store every {@code every} iterations and, where a wall-clock
 * interval is set, whenever that long has passed since the last save (or since the schedule began):
 * a run killed without warning (a machine taken back, an out-of-memory kill) then loses at most that
 * interval's work, however slow its iterations. Resuming from a checkpoint of any iteration trains
 * on exactly as an uninterrupted run would, so the extra checkpoints change no result. Those by time
 * are interim ({@link CheckpointStore#saveInterim}): the store rotates them apart from the regular
 * ones, which stay findable by their step. One by time is skipped when, at the pace since the last
 * save, the next regular one is due within a tenth of the interval: a run whose {@code every}
 * iterations take a little longer than the interval would otherwise write an interim checkpoint a
 * minute before nearly every regular one. A kill then loses at most about 1.1 intervals.
 */
public final class CheckpointSchedule implements TrainingListener {
  private final CheckpointStore store;
  private final long every;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private long lastSave;
  /** The iteration of the last save; the one before the first iteration seen until a save. */
  private long lastSaveIteration = -1;

  /**
   * A schedule saving into {@code store} every {@code every} iterations and at least every
   * {@code interval} of wall-clock time ({@link Duration#ZERO}: by iterations alone), timed by
   * {@code nanoClock} (as {@link System#nanoTime}) from now.
   */
  public CheckpointSchedule(CheckpointStore store, long every, Duration interval, LongSupplier nanoClock) {
    if (every < 1) {
      throw new IllegalArgumentException("checkpoints must be at least 1 iteration apart, got " + every);
    }
    if (interval.isNegative()) {
      throw new IllegalArgumentException("the checkpoint interval must not be negative, got " + interval);
    }
    this.store = store;
    this.every = every;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
    this.lastSave = nanoClock.getAsLong();
  }

  /** A schedule timed by the system's clock from now. */
  public static CheckpointSchedule of(CheckpointStore store, long every, Duration interval) {
    return new CheckpointSchedule(store, every, interval, System::nanoTime);
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) throws Exception {
    long iteration = trainer.state().iteration();
    if (lastSaveIteration < 0) {
      lastSaveIteration = iteration - 1;
    }
    if (iteration % every == 0) {
      trainer.save(store);
    } else if (intervalNanos > 0 && timedSaveDue(iteration, nanoClock.getAsLong() - lastSave)) {
      trainer.saveInterim(store);
    } else {
      return;
    }
    lastSave = nanoClock.getAsLong();
    lastSaveIteration = iteration;
  }

  /**
   * Whether {@code elapsed} nanoseconds since the last save call for one by time: the interval has
   * passed and the next multiple of {@code every}, at that pace, is not within a tenth of it.
   */
  private boolean timedSaveDue(long iteration, long elapsed) {
    if (elapsed < intervalNanos) {
      return false;
    }
    double nanosPerIteration = (double) elapsed / (iteration - lastSaveIteration);
    long iterationsToRegular = every - iteration % every;
    return iterationsToRegular * nanosPerIteration > intervalNanos / 10.0;
  }

  /** Never: saving reads the variables, not the phases' scalars. */
  @Override
  public boolean wantsMetrics(long iteration) {
    return false;
  }
}
