package org.jgan.training;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jgan.graphs.CheckpointStore;
import org.jgan.losses.Objectives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints every N iterations and at least every T of wall-clock time, on a clock the test
 * moves by one second per iteration.
 */
class CheckpointScheduleTest {
  @TempDir
  Path dir;

  @Test
  void savesAtMultiplesOfItsIterationsAndWhenItsIntervalHasPassed() throws Exception {
    // Every 10 iterations or 3.5 s, 1 s per iteration, 12 iterations: 4 s after the start (iteration 4),
    // 4 s after that (8), at 10 (a multiple, which restarts the interval), then 2 s pass: no more.
    // Those by time are interim, the one at the multiple regular.
    List<CheckpointStore.Checkpoint> timed = saved(10, Duration.ofMillis(3_500), 12, dir.resolve("timed"));
    assertEquals(List.of(4L, 8L, 10L), timed.stream().map(CheckpointStore.Checkpoint::step).toList());
    assertEquals(List.of(true, true, false), timed.stream().map(CheckpointStore.Checkpoint::interim).toList());
    assertEquals(List.of(10L), saved(10, Duration.ZERO, 12, dir.resolve("by-iterations")).stream()
        .map(CheckpointStore.Checkpoint::step).toList());
  }

  @Test
  void skipsACheckpointByTimeWhenTheNextRegularOneIsDueWithinATenthOfTheInterval() throws Exception {
    // Every 20 iterations, 1 s per iteration. An interval of 19 s passes at iteration 19, 1 s before
    // the regular 20, within its tenth (1.9 s): skipped, and again at 39. One of 17 s passes at 17,
    // 3 s before 20, more than its tenth (1.7 s): saved.
    assertEquals(List.of(20L, 40L), saved(20, Duration.ofSeconds(19), 40, dir.resolve("skipped")).stream()
        .map(CheckpointStore.Checkpoint::step).toList());
    assertEquals(List.of(17L, 20L, 37L, 40L), saved(20, Duration.ofSeconds(17), 40, dir.resolve("saved")).stream()
        .map(CheckpointStore.Checkpoint::step).toList());
  }

  @Test
  void refusesAnIntervalOfNoIterationsOrNegativeTime() {
    CheckpointStore store = new CheckpointStore(dir, 1);
    assertThrows(IllegalArgumentException.class, () -> CheckpointSchedule.of(store, 0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> CheckpointSchedule.of(store, 5, Duration.ofSeconds(-1)));
  }

  private static List<CheckpointStore.Checkpoint> saved(long every, Duration interval, long iterations, Path folder)
      throws Exception {
    AtomicLong clock = new AtomicLong();
    CheckpointStore store = new CheckpointStore(folder, 100);
    CheckpointSchedule schedule = new CheckpointSchedule(store, every, interval, clock::get);
    TrainingListener oneSecondPerIteration = (trainer, metrics) -> clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan"), 3), toyData(3), 1)) {
      trainer.trainUntil(iterations, List.of(oneSecondPerIteration, schedule));
    }
    return store.complete();
  }
}
