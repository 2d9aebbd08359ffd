package org.jgan.training;

import static org.jgan.training.TrainingFixtures.tinySpec;
import static org.jgan.training.TrainingFixtures.toyData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objectives;
import org.jgan.losses.ObjectiveOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** The generator-only graph restores from a full training checkpoint and matches the trainer's generator. */
class GeneratorGraphTest {
  private static final ObjectiveOptions DEFAULTS = new ObjectiveOptions(null, null, false, null, null);

  @TempDir
  Path dir;

  @Test
  void generatorOnlyGraphRestoresTrainedWeightsAndGivesTheTrainersSamples() throws Exception {
    ModelSpec spec = tinySpec(Objectives.named("wgan-gp", DEFAULTS), 3);
    CheckpointStore store = new CheckpointStore(dir, 1);
    float[] z = new NoisePrior(NoisePrior.Kind.NORMAL, 2).sample(new SplittableRandom(4), 5);
    float[] expected;
    try (Trainer trainer = new Trainer(spec, toyData(3), 1)) {
      trainer.iterate();
      trainer.iterate();
      trainer.save(store);
      expected = run(trainer.session(), trainer.model().zInput(), trainer.model().samples(), z);
    }
    try (Graph graph = new Graph()) {
      GeneratorGraph generator = GeneratorGraph.build(graph, spec, false);
      assertTrue(operationNames(graph).noneMatch(n -> n.startsWith("D/")), "no critic in the generator graph");
      try (Session session = Sessions.open(graph, 1)) {
        float[] fresh = run(session, generator.z(), generator.images(), z);
        assertFalse(java.util.Arrays.equals(expected, fresh), "trained weights differ from initial ones");
        CheckpointStore.restore(session, store.latest().orElseThrow());
        assertArrayEquals(expected, run(session, generator.z(), generator.images(), z));
      }
    }
  }

  @Test
  void unitRangeMapsTanhOutputToZeroOne() throws Exception {
    int[] shape = {2, 2, 1};
    ModelSpec spec = new ModelSpec(Objectives.named("gan", DEFAULTS), new Mlp(8, 1), shape, Activation.tanh(),
        NoisePrior.normal(3), 4, 7);
    float[] pixels = new float[8 * 4];
    Dataset images = new Dataset("pixels", shape, pixels, null);
    CheckpointStore store = new CheckpointStore(dir, 1);
    float[] z = NoisePrior.normal(3).sample(new SplittableRandom(1), 6);
    float[] raw;
    try (Trainer trainer = new Trainer(spec, new ShuffledBatches(images, 4, 1), 1)) {
      trainer.save(store);
      raw = run(trainer.session(), trainer.model().zInput(), trainer.model().samples(), z);
    }
    try (Graph graph = new Graph()) {
      GeneratorGraph generator = GeneratorGraph.build(graph, spec, true);
      assertArrayEquals(new long[] {-1, 2, 2, 1}, generator.images().shape().asArray());
      try (Session session = Sessions.open(graph, 1)) {
        CheckpointStore.restore(session, store.latest().orElseThrow());
        float[] unit = run(session, generator.z(), generator.images(), z);
        assertEquals(raw.length, unit.length);
        for (int i = 0; i < raw.length; i++) {
          assertEquals((raw[i] + 1f) / 2f, unit[i], 1e-6f, "element " + i);
        }
      }
    }
  }

  @Test
  void generateHeadDrawsZWithStatelessKeySeedZero() {
    ModelSpec spec = tinySpec(Objectives.named("gan", DEFAULTS), 2);
    try (Graph graph = new Graph()) {
      GeneratorGraph generator = GeneratorGraph.build(graph, spec, false);
      try (Session session = Sessions.open(graph, 1)) {
        session.initialize();
        float[] a = generate(session, generator, 7, 42);
        assertEquals(7 * 2, a.length);
        assertArrayEquals(a, generate(session, generator, 7, 42), "same seed, same samples");
        assertFalse(java.util.Arrays.equals(a, generate(session, generator, 7, 43)), "other seed, other samples");
        assertArrayEquals(a, run(session, generator.z(), generator.images(), statelessNormal(7, 2, 42)));
      }
    }
  }

  private static float[] statelessNormal(int count, int dim, long seed) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> z = tf.random.statelessRandomNormal(tf.constant(new int[] {count, dim}),
          tf.constant(new long[] {seed, 0}));
      try (Result r = s.runner().fetch(z).run()) {
        return Tensors.toFloats(r.get(0));
      }
    }
  }

  private static float[] generate(Session session, GeneratorGraph generator, int count, long seed) {
    try (TInt32 n = TInt32.scalarOf(count); TInt64 s = TInt64.scalarOf(seed);
        Result r = session.runner().feed(generator.count(), n).feed(generator.seed(), s).fetch(generator.generated())
            .run()) {
      return Tensors.toFloats(r.get(0));
    }
  }

  private static float[] run(Session session, Operand<TFloat32> input, Operand<TFloat32> output, float[] z) {
    long dim = input.shape().get(1);
    try (TFloat32 zt = Tensors.floats(z, z.length / dim, dim); Result r = session.runner().feed(input, zt).fetch(output).run()) {
      return Tensors.toFloats(r.get(0));
    }
  }

  private static java.util.stream.Stream<String> operationNames(Graph graph) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext();) {
      names.add(it.next().name());
    }
    assertNotNull(graph.operation("G/0_dense/kernel"), "generator variables keep the training names: " + names);
    return names.stream();
  }
}
