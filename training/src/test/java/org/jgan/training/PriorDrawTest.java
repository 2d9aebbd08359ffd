package org.jgan.training;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.jgan.graphs.Tensors;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.training.export.RestoredGenerator;
import org.jgan.training.export.TrainedOn;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** A trainer sampled through {@link PriorDraw} gives what its checkpoint's generate head gives for the seed. */
class PriorDrawTest {
  private static final ObjectiveOptions DEFAULTS = new ObjectiveOptions(null, null, false, null, null);

  @Test
  void aTrainersSamplesForASeedAreItsGenerateHeadsForThatSeed() throws Exception {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan", DEFAULTS), 3), toyData(3), 1)) {
      trainer.iterate();
      float[] probed = PriorDraw.samples(trainer, 12, 7);
      try (RestoredGenerator restored = RestoredGenerator.fromTrainer(trainer, TrainedOn.points("toy8"))) {
        GeneratorGraph g = restored.graph();
        try (TInt32 n = TInt32.scalarOf(12); TInt64 seed = TInt64.scalarOf(7);
            Result r = restored.session().runner().feed(g.count(), n).feed(g.seed(), seed).fetch(g.generated()).run()) {
          assertArrayEquals(Tensors.toFloats(r.get(0)), probed);
        }
      }
      assertFalse(Arrays.equals(probed, PriorDraw.samples(trainer, 12, 8)), "another seed draws other z");
    }
  }
}
