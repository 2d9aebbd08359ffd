package org.jgan.training;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Samples drawn a chunk per session run equal the same samples drawn in one run. */
class ChunkedSamplingTest {
  private static final ObjectiveOptions DEFAULTS = new ObjectiveOptions(null, null, false, null, null);

  @Test
  void theTrainersSamplesDoNotDependOnTheChunking() {
    try (Trainer trainer = new Trainer(tinySpec(Objectives.named("gan", DEFAULTS), 3), toyData(3), 1)) {
      trainer.iterate();
      float[] oneRun = trainer.sample(11, 4, 11);
      assertEquals(11 * 2, oneRun.length);
      assertArrayEquals(oneRun, trainer.sample(11, 4, 3), "3 per run");
      assertArrayEquals(oneRun, trainer.sample(11, 4), "the default chunking");
    }
  }

  @Test
  void theGenerateHeadDrawsAnyRowsAtAnOffset() {
    // z of dimension 3 and 5: a chunk of 4 rows starts mid-way through a Philox block of 4 values.
    for (NoisePrior prior : new NoisePrior[] {NoisePrior.normal(3), new NoisePrior(NoisePrior.Kind.UNIFORM, 5)}) {
      ModelSpec spec = new ModelSpec(Objectives.named("gan", DEFAULTS), new Mlp(8, 1), new int[] {2},
          Activation.identity(), prior, 4, 1);
      try (Graph graph = new Graph()) {
        GeneratorGraph generator = GeneratorGraph.build(graph, spec, false);
        try (Session session = Sessions.open(graph, 1)) {
          session.initialize();
          float[] oneRun = generate(session, generator, 0, 12, 9);
          float[] chunked = new float[oneRun.length];
          for (int offset = 0; offset < 12; offset += 4) {
            float[] rows = generate(session, generator, offset, Math.min(4, 12 - offset), 9);
            System.arraycopy(rows, 0, chunked, offset * 2, rows.length);
          }
          assertArrayEquals(oneRun, chunked, prior.toString());
        }
      }
    }
  }

  private static float[] generate(Session session, GeneratorGraph generator, long offset, int count, long seed) {
    try (TInt32 n = TInt32.scalarOf(count); TInt64 s = TInt64.scalarOf(seed); TInt64 o = TInt64.scalarOf(offset);
        Result r = session.runner().feed(generator.count(), n).feed(generator.seed(), s).feed(generator.offset(), o)
            .fetch(generator.generated()).run()) {
      return Tensors.toFloats(r.get(0));
    }
  }
}
