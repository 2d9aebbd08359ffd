package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.training.Trainer.Execution;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.GraphOperation;

/**
 * Discrete BGAN on categorical data, whose discriminator reads the samples and the data as
 * category indices ({@link DiscreteBgan.Form#INDICES}): fused iterations equal separate runs bit
 * for bit on two threads (the sparse product's threads change nothing), and training follows the
 * one-hot reference form ({@link DiscreteBgan.Form#ONE_HOT}: the same draws, the discriminator on
 * their one-hot form) to float rounding; a resumed run repeats an uninterrupted one exactly.
 */
class DiscreteBganFormsTest {
  private static final int POSITIONS = 6;
  private static final int K = 5;
  private static final int BATCH = 8;
  private static final int ITERATIONS = 3;

  private static Dataset categories() {
    SplittableRandom random = new SplittableRandom(9);
    float[] values = new float[256 * POSITIONS * K];
    for (int p = 0; p < 256 * POSITIONS; p++) {
      values[p * K + random.nextInt(K)] = 1f;
    }
    return new Dataset("categories", new int[] {POSITIONS, K}, values, null);
  }

  private static Trainer trainer(String objective, DiscreteBgan.Form form, Execution execution) {
    DiscreteBgan bgan = (DiscreteBgan) Objectives.discrete(objective, new ObjectiveOptions(null, 1e-3f, false, null, null),
        DiscreteBgan.Kind.MULTINOMIAL, FDivergence.GAN, 4);
    ModelSpec spec = new ModelSpec(bgan.withForm(form), new Mlp(16, 2), new int[] {POSITIONS, K}, Activation.identity(),
        NoisePrior.normal(4), BATCH, 3);
    return new Trainer(spec, new ShuffledBatches(categories(), BATCH, 3), 2, execution);
  }

  private static boolean hasOp(Trainer trainer, String type) {
    for (Iterator<GraphOperation> it = trainer.model().context().graph().operations(); it.hasNext(); ) {
      if (it.next().type().equals(type)) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bgan-discrete", "bgan-reinforce"})
  void fusedIterationsOnIndicesEqualSeparateRunsBitForBit(String objective) {
    try (Trainer unfused = trainer(objective, DiscreteBgan.Form.INDICES, Execution.UNFUSED);
        Trainer fused = trainer(objective, DiscreteBgan.Form.INDICES, Execution.FUSED)) {
      assertTrue(hasOp(fused, "SparseMatMul"), "the discriminator reads indices through the sparse product");
      for (int i = 0; i < ITERATIONS; i++) {
        assertEquals(unfused.iterate(), fused.iterate(), objective + " iteration " + i);
      }
      Map<String, byte[]> expected = StateValues.bytesByName(unfused);
      Map<String, byte[]> actual = StateValues.bytesByName(fused);
      assertEquals(expected.keySet(), actual.keySet());
      expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), objective + ": " + name));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bgan-discrete", "bgan-reinforce"})
  void indicesFollowTheOneHotReference(String objective) {
    try (Trainer reference = trainer(objective, DiscreteBgan.Form.ONE_HOT, Execution.FUSED);
        Trainer indices = trainer(objective, DiscreteBgan.Form.INDICES, Execution.FUSED)) {
      assertTrue(!hasOp(reference, "SparseMatMul"), "the reference multiplies the one-hot input densely");
      for (int i = 0; i < ITERATIONS; i++) {
        Map<String, Float> expected = reference.iterate();
        Map<String, Float> actual = indices.iterate();
        assertEquals(expected.keySet(), actual.keySet());
        // Same draws and weights; only the first layer's summation order differs, and Adam's
        // updates carry that rounding on, so the scalars agree to 1e-4, not bit for bit.
        for (String name : expected.keySet()) {
          assertEquals(expected.get(name), actual.get(name), 1e-4, objective + " iteration " + i + ": " + name);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bgan-discrete", "bgan-reinforce"})
  void aResumedRunOnIndicesMatchesAnUninterruptedOne(String objective, @TempDir Path dir) throws Exception {
    int total = 4;
    List<Map<String, Float>> uninterrupted = new ArrayList<>();
    try (Trainer trainer = trainer(objective, DiscreteBgan.Form.INDICES, Execution.FUSED)) {
      for (int i = 0; i < total; i++) {
        uninterrupted.add(trainer.iterate());
      }
    }
    CheckpointStore store = new CheckpointStore(dir, 2);
    List<Map<String, Float>> resumed = new ArrayList<>();
    try (Trainer first = trainer(objective, DiscreteBgan.Form.INDICES, Execution.FUSED)) {
      for (int i = 0; i < total / 2; i++) {
        resumed.add(first.iterate());
      }
      first.save(store);
    }
    try (Trainer second = trainer(objective, DiscreteBgan.Form.INDICES, Execution.FUSED)) {
      assertTrue(second.restoreLatest(store));
      while (second.state().iteration() < total) {
        resumed.add(second.iterate());
      }
    }
    assertEquals(uninterrupted, resumed);
  }
}
