package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Network;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objectives;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The generator weight average: its closed form, and that it leaves training itself alone. */
class GeneratorEmaTest {
  @Test
  void afterEachUpdateTheShadowIsTheDebiasedAverageOfTheWeightsSoFar() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Network generator = Network.of("G", ctx, new Dense(1, Initializer.constant(7f), false));
      Network averaged = new Network(GeneratorEma.NETWORK, ctx, generator.layers());
      Placeholder<TFloat32> z = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      generator.apply(z);
      averaged.apply(z);
      GeneratorEma ema = GeneratorEma.of(ctx, generator, averaged, 0.5f);
      Variable<TFloat32> w = generator.variables().get(0);
      Variable<TFloat32> shadow = averaged.variables().get(0);
      Placeholder<TFloat32> value = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 1)));
      Op set = ctx.tf().assign(w, value);
      try (Session s = Sessions.open(g, 1)) {
        run(s, ema.reset());
        assertEquals(7f, read(s, shadow), "a fresh average is the initial weight");
        // Weights 1, 2, 4 with d = 0.5: sum_i (1 - d) d^(t-i) w_i / (1 - d^t) is
        // 0.5 / 0.5 = 1, (0.25 + 1) / 0.75 = 5/3, (0.125 + 0.5 + 2) / 0.875 = 3: the initial 7 never counts.
        float[] weights = {1, 2, 4};
        double[] expected = {1, 5.0 / 3, 3};
        for (int t = 0; t < 3; t++) {
          try (TFloat32 v = Tensors.floats(new float[] {weights[t]}, 1, 1)) {
            s.runner().feed(value, v).addTarget(set).run();
          }
          run(s, ema.update());
          assertEquals(expected[t], read(s, shadow), 1e-6, "after update " + (t + 1));
          assertEquals(weights[t], read(s, w), "the average never writes the weight");
        }
        run(s, ema.reset());
        assertEquals(4f, read(s, shadow));
      }
    }
  }

  @Test
  void refusesADecayOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> spec(1f));
    assertThrows(IllegalArgumentException.class, () -> spec(-0.1f));
  }

  @Test
  void theAverageChangesSamplesButNotTraining() {
    List<Map<String, Float>> plain = new ArrayList<>();
    List<Map<String, Float>> averaged = new ArrayList<>();
    float[] plainSamples;
    float[] averagedSamples;
    try (Trainer trainer = new Trainer(spec(0f), ToyDistribution.EIGHT_GAUSSIANS.batches(16, 3), 1)) {
      for (int i = 0; i < 4; i++) {
        plain.add(trainer.iterate());
      }
      plainSamples = trainer.sample(8, 0);
    }
    try (Trainer trainer = new Trainer(spec(0.9f), ToyDistribution.EIGHT_GAUSSIANS.batches(16, 3), 1)) {
      assertEquals(GeneratorEma.NETWORK + "/0_dense/kernel",
          trainer.model().context().graph().operation(GeneratorEma.NETWORK + "/0_dense/kernel").name());
      for (int i = 0; i < 4; i++) {
        averaged.add(trainer.iterate());
      }
      averagedSamples = trainer.sample(8, 0);
    }
    assertEquals(plain, averaged, "the average must not change the raw weights' training");
    assertFalse(java.util.Arrays.equals(plainSamples, averagedSamples), "samples must come from the average");
  }

  @Test
  void fusedIterationsUpdateTheAverageAsUnfusedOnesDo() {
    Map<String, float[]> unfused;
    try (Trainer trainer = new Trainer(spec(0.9f), ToyDistribution.EIGHT_GAUSSIANS.batches(16, 3), 1,
        Trainer.Execution.UNFUSED)) {
      for (int i = 0; i < 3; i++) {
        trainer.iterate();
      }
      unfused = StateValues.byName(trainer);
    }
    assertEquals(0.729f, unfused.get(GeneratorEma.DECAY_POWER)[0], 1e-6f, "d^t after three generator updates");
    for (Trainer.Execution fused : List.of(Trainer.Execution.FUSED, Trainer.Execution.FUSED_FED)) {
      try (Trainer trainer = new Trainer(spec(0.9f), ToyDistribution.EIGHT_GAUSSIANS.batches(16, 3), 1, fused)) {
        for (int i = 0; i < 3; i++) {
          trainer.iterate();
        }
        Map<String, float[]> values = StateValues.byName(trainer);
        assertEquals(unfused.keySet(), values.keySet());
        unfused.forEach((name, expected) -> assertArrayEquals(expected, values.get(name), 0f, fused + ": " + name));
      }
    }
  }

  @Test
  void atStepZeroTheAverageSamplesAsTheRawGenerator() {
    float[] plain;
    try (Trainer trainer = new Trainer(spec(0f), ToyDistribution.EIGHT_GAUSSIANS.batches(16, 3), 1)) {
      plain = trainer.sample(8, 0);
    }
    try (Trainer trainer = new Trainer(spec(0.9f), ToyDistribution.EIGHT_GAUSSIANS.batches(16, 3), 1)) {
      assertArrayEquals(plain, trainer.sample(8, 0), 0f);
    }
  }

  private static ModelSpec spec(float decay) {
    return new ModelSpec(Objectives.named("wgan-gp"), new Mlp(8, 2), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), 16, 3).withGeneratorEma(decay);
  }

  private static void run(Session s, Op op) {
    s.runner().addTarget(op).run();
  }

  private static float read(Session s, Operand<TFloat32> v) {
    try (Result r = s.runner().fetch(v).run()) {
      return Tensors.toFloats(r.get(0))[0];
    }
  }
}
