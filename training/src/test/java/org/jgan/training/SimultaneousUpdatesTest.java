package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.data.BatchSource;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Dropout;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.optim.Momentum;
import org.jgan.losses.Gan;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.TrainPhase;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The GAN paper's simultaneous updates: one session run takes both networks' gradients from one
 * forward pass (the same z and dropout masks) at the weights of before the step, then applies both.
 */
class SimultaneousUpdatesTest {
  private static final float LR = 0.05f;

  /** G: 3 -> 4 ReLU -> 2; D: dropout 0.5 -> 5 ReLU -> dropout 0.5 -> 1 logit. */
  private static final Architecture TINY = new Architecture() {
    @Override
    public String name() {
      return "tiny";
    }

    @Override
    public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
      return List.of(new Dense(4, Initializer.uniform(0.5f), true), Activation.relu(),
          new Dense(2, Initializer.uniform(0.5f), true), output);
    }

    @Override
    public List<Layer> discriminator(int[] exampleShape) {
      return List.of(new Dropout(0.5f), new Dense(5, Initializer.uniform(0.5f), true), Activation.relu(),
          new Dropout(0.5f), new Dense(1, Initializer.uniform(0.5f), true));
    }
  };

  private static Trainer trainer(int batch) {
    // Plain SGD (TensorFlow's momentum form with momentum 0): var -= lr grad, so each update is checkable by hand.
    Gan gan = new Gan(Gan.GeneratorLoss.NON_SATURATING, 1, new Momentum(LR, 0f, false), new Momentum(LR, 0f, false),
        0.5f, Gan.Updates.SIMULTANEOUS);
    ModelSpec spec = new ModelSpec(gan, TINY, new int[] {2}, Activation.identity(),
        new NoisePrior(NoisePrior.Kind.UNIFORM_UNIT_VARIANCE, 3), batch, 11);
    return new Trainer(spec, data(batch), 1);
  }

  private static BatchSource data(int batch) {
    return ToyDistribution.EIGHT_GAUSSIANS.batches(batch, 4);
  }

  @Test
  void bothUpdatesFollowTheGradientsAtThePreStepWeights() {
    int batch = 8;
    try (Trainer trainer = trainer(batch)) {
      GanGraphAccess model = new GanGraphAccess(trainer);
      TrainPhase phase = trainer.model().objective().phase("simultaneous");
      Network d = trainer.model().networks().discriminator();
      Network g = trainer.model().networks().generator();
      // Gradients of the very losses the step minimises, taken in a separate run with the step's
      // run seed and batch: the same z and dropout masks, and no update applied.
      List<Operand<TFloat32>> dGrads = Gradients.of(trainer.model().context(), "check_d", phase.loss(), d.trainableVariables());
      List<Operand<TFloat32>> gGrads = Gradients.of(trainer.model().context(), "check_g",
          phase.metrics().get("generator_loss"), g.trainableVariables());
      List<float[]> dBefore = TrainingFixtures.values(trainer.session(), d.trainableVariables());
      List<float[]> gBefore = TrainingFixtures.values(trainer.session(), g.trainableVariables());
      List<float[]> dGrad = model.fetchFirstRun(dGrads);
      List<float[]> gGrad = model.fetchFirstRun(gGrads);

      trainer.iterate();

      assertEquals(1, trainer.state().runs(), "one session run per iteration");
      assertStep(dBefore, dGrad, TrainingFixtures.values(trainer.session(), d.trainableVariables()), "D");
      assertStep(gBefore, gGrad, TrainingFixtures.values(trainer.session(), g.trainableVariables()), "G");
    }
  }

  @Test
  void discriminatorAndGeneratorLossesReadTheSameFakeLogit() {
    // With one example, the non-saturating generator loss softplus(-l) equals -log D(G(z)) = -log
    // sigmoid(l) exactly when both see the same logit l: the same z and the same dropout masks.
    try (Trainer trainer = trainer(1)) {
      for (int i = 0; i < 5; i++) {
        Map<String, Float> metrics = trainer.iterate();
        double dFake = metrics.get("simultaneous/d_fake");
        assertEquals(-Math.log(dFake), metrics.get("simultaneous/generator_loss"), 1e-4 * (1 - Math.log(dFake)),
            "iteration " + i);
      }
    }
  }

  private static void assertStep(List<float[]> before, List<float[]> grads, List<float[]> after, String network) {
    boolean moved = false;
    for (int v = 0; v < before.size(); v++) {
      for (int i = 0; i < before.get(v).length; i++) {
        float expected = before.get(v)[i] - LR * grads.get(v)[i];
        assertEquals(expected, after.get(v)[i], 1e-6f * Math.max(1f, Math.abs(expected)), network + " variable " + v + "[" + i + "]");
        moved |= grads.get(v)[i] != 0f;
      }
    }
    assertTrue(moved, network + " received a non-zero gradient");
  }

  /** Runs ops with the feeds the trainer gives its first session run (run seed 0, batch 0, training mode). */
  private record GanGraphAccess(Trainer trainer) {
    List<float[]> fetchFirstRun(List<Operand<TFloat32>> outputs) {
      int batch = trainer.spec().batchSize();
      float[] real = new float[batch * 2];
      data(batch).fill(0, real);
      try (TFloat32 realTensor = Tensors.floats(real, batch, 2);
          TBool training = TBool.scalarOf(true);
          org.tensorflow.types.TInt64 seed = trainer.model().context().runSeedTensor(0);
          TFloat32 progress = TFloat32.scalarOf(0f)) {
        Session.Runner runner = trainer.session().runner().feed(trainer.model().real(), realTensor)
            .feed(trainer.model().context().trainingFlag(), training)
            .feed(trainer.model().context().runSeedInput(), seed)
            .feed(trainer.model().context().progressInput(), progress);
        outputs.forEach(runner::fetch);
        List<float[]> values = new ArrayList<>();
        try (Result result = runner.run()) {
          for (int i = 0; i < outputs.size(); i++) {
            values.add(Tensors.toFloats(result.get(i)));
          }
        }
        return values;
      }
    }
  }
}
