package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgan.data.Dataset;
import org.jgan.data.ShuffledBatches;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.losses.Role;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * REINFORCE's moving-average baseline b is read (by the reward log w - b) and assigned in the same
 * session run; the reward must see the value from before the assign, every time, or reruns differ.
 */
class ReinforceBaselineTest {
  private static final String BASELINE = "G_reinforce/baseline";
  private static final int BITS = 8;

  private static ModelSpec spec(long seed) {
    return new ModelSpec(
        Objectives.discrete("bgan-reinforce", new ObjectiveOptions(null, 1e-3f, false, null, null),
            DiscreteBgan.Kind.BINARY, FDivergence.GAN, 6),
        new Mlp(16, 1), new int[] {BITS}, Activation.identity(), NoisePrior.normal(3), 16, seed);
  }

  private static ShuffledBatches data(long seed) {
    SplittableRandom random = new SplittableRandom(5);
    float[] values = new float[256 * BITS];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() < (i % BITS < BITS / 2 ? 0.9 : 0.1) ? 1f : 0f;
    }
    return new ShuffledBatches(new Dataset("bits", new int[] {BITS}, values, null), 16, seed);
  }

  /** Every iteration's scalars, then every variable's final value (networks, then the baseline). */
  private static List<Object> run(long seed, int iterations) {
    List<Object> trace = new ArrayList<>();
    try (Trainer trainer = new Trainer(spec(seed), data(seed), 2)) {
      for (int i = 0; i < iterations; i++) {
        Map<String, Float> metrics = trainer.iterate();
        trace.add(metrics);
      }
      for (Role role : List.of(Role.GENERATOR, Role.DISCRIMINATOR)) {
        List<Variable<TFloat32>> variables = trainer.model().networks().get(role).variables();
        for (float[] v : TrainingFixtures.values(trainer.session(), variables)) {
          trace.add(java.util.Arrays.toString(v));
        }
      }
      trace.add(baseline(trainer));
    }
    return trace;
  }

  private static float baseline(Trainer trainer) {
    Operand<?> variable = trainer.model().context().graph().operationOrThrow(BASELINE).output(0);
    try (Result r = trainer.session().runner().fetch(variable).run()) {
      return Tensors.scalar(r.get(0));
    }
  }

  @Test
  void twoFreshRunsWithTheSameSeedAreBitIdentical() {
    List<Object> first = run(11, 25);
    List<Object> second = run(11, 25);
    assertEquals(first, second);
    assertTrue((Float) first.get(first.size() - 1) != 0f, "the baseline moved during the run");
  }

  /**
   * Structural: every op that reads the baseline (anything but an assign) must be an ancestor of the
   * assign that updates it, so no executor order can let the update run first.
   */
  @Test
  void everyReaderOfTheBaselineRunsBeforeItsUpdate() {
    try (Trainer trainer = new Trainer(spec(1), data(1), 1)) {
      GraphOperation variable = trainer.model().context().graph().operationOrThrow(BASELINE);
      Set<GraphOperation> readers = new HashSet<>();
      List<GraphOperation> updates = new ArrayList<>();
      for (GraphOperation consumer : variable.consumers()) {
        if (consumer.type().equals("Assign")) {
          // The initialiser assigns a constant; the update assigns a value computed from the graph.
          if (!consumer.input(1).op().type().equals("Const")) {
            updates.add(consumer);
          }
        } else {
          readers.add(consumer);
        }
      }
      assertEquals(1, updates.size(), "one update of the baseline");
      assertFalse(readers.isEmpty(), "the reward reads the baseline");
      Set<GraphOperation> ancestors = ancestors(updates.get(0));
      for (GraphOperation reader : readers) {
        assertTrue(ancestors.contains(reader), reader.name() + " (" + reader.type()
            + ") reads the baseline but is not ordered before its update");
      }
    }
  }

  /** Every op the given op waits for, through data and control inputs. */
  private static Set<GraphOperation> ancestors(GraphOperation op) {
    Set<GraphOperation> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>(List.of(op));
    while (!todo.isEmpty()) {
      GraphOperation next = todo.pop();
      List<GraphOperation> parents = new ArrayList<>(next.controlInputs());
      for (int i = 0; i < next.numInputs(); i++) {
        parents.add((GraphOperation) next.input(i).op());
      }
      for (GraphOperation parent : parents) {
        if (seen.add(parent)) {
          todo.push(parent);
        }
      }
    }
    return seen;
  }
}
