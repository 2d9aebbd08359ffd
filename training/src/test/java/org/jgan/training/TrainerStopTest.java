package org.jgan.training;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jgan.losses.Objectives;
import org.junit.jupiter.api.Test;

/** A stop request ends {@link Trainer#trainUntil} after the iteration in progress. */
class TrainerStopTest {
  @Test
  void aStopRequestedDuringAnIterationEndsTheLoopAfterIt() throws Exception {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan"), 3), toyData(3), 1)) {
      AtomicLong finishedAt = new AtomicLong(-1);
      trainer.trainUntil(100, List.of(new TrainingListener() {
        @Override
        public void afterIteration(Trainer t, java.util.Map<String, Float> metrics) {
          if (t.state().iteration() == 3) {
            t.requestStop();
          }
        }

        @Override
        public void finished(Trainer t) {
          finishedAt.set(t.state().iteration());
        }
      }));
      assertEquals(3, trainer.state().iteration());
      assertEquals(3, finishedAt.get(), "listeners hear the end, to flush what they hold");
      assertTrue(trainer.stopRequested());
      trainer.trainUntil(100, List.of());
      assertEquals(3, trainer.state().iteration(), "a stop request stays");
    }
  }
}
