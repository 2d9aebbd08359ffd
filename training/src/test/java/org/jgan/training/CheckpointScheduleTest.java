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
    List<CheckpointStore.Checkpoint> timed = saved(Duration.ofMillis(3_500), dir.resolve("timed"));
    assertEquals(List.of(4L, 8L, 10L), timed.stream().map(CheckpointStore.Checkpoint::step).toList());
    assertEquals(List.of(true, true, false), timed.stream().map(CheckpointStore.Checkpoint::interim).toList());
    assertEquals(List.of(10L), saved(Duration.ZERO, dir.resolve("by-iterations")).stream()
        .map(CheckpointStore.Checkpoint::step).toList());
  }

  @Test
  void refusesAnIntervalOfNoIterationsOrNegativeTime() {
    CheckpointStore store = new CheckpointStore(dir, 1);
    assertThrows(IllegalArgumentException.class, () -> CheckpointSchedule.of(store, 0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> CheckpointSchedule.of(store, 5, Duration.ofSeconds(-1)));
  }

  private static List<CheckpointStore.Checkpoint> saved(Duration interval, Path folder) throws Exception {
    AtomicLong clock = new AtomicLong();
    CheckpointStore store = new CheckpointStore(folder, 100);
    CheckpointSchedule schedule = new CheckpointSchedule(store, 10, interval, clock::get);
    TrainingListener oneSecondPerIteration = (trainer, metrics) -> clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan"), 3), toyData(3), 1)) {
      trainer.trainUntil(12, List.of(oneSecondPerIteration, schedule));
    }
    return store.complete();
  }
}
