package org.jgan.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Dcgan28Bn;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * alpha-GAN's generator runs twice per step, on prior draws and on the encoder's codes. Its batch
 * norm's moving averages, which sampling uses, must follow the prior draws: before, they followed
 * the codes (the first application owns them), so samples were normalised with another
 * distribution's statistics.
 */
class AlphaGanBatchNormTest {
  private static final int[] IMAGE = {28, 28, 3};
  private static final int BATCH = 4;
  private static final int Z = 8;

  @Test
  void sampledWithItsMovingAveragesTheGeneratorDrawsThePriorBatchAsInTraining() {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph, 1)) {
      GraphContext ctx = new GraphContext(graph, 5);
      Dcgan28Bn model = new Dcgan28Bn();
      Network generator = new Network("G", ctx, model.generator(Z, IMAGE, Activation.tanh()));
      GanNetworks networks = new GanNetworks(Map.of(
          Role.ENCODER, new Network("E", ctx, model.encoder(IMAGE, Z)),
          Role.GENERATOR, generator,
          Role.DISCRIMINATOR, new Network("D", ctx, model.discriminator(IMAGE)),
          Role.CODE_DISCRIMINATOR, new Network("C", ctx, model.codeDiscriminator(Z))));
      Operand<TFloat32> real = constant(ctx, 1, 0f, 1f, BATCH, 28, 28, 3);
      // Prior draws far from anything the untrained encoder gives, so the two batches' statistics differ.
      Operand<TFloat32> z = constant(ctx, 2, 3f, 2f, BATCH, Z);
      new AlphaGan().build(new GanInputs(ctx, real, z, NoisePrior.normal(Z), BATCH), networks);

      // Only the moving averages move (no optimiser runs); momentum 0.9 forgets the start in 300 updates.
      for (int i = 0; i < 300; i++) {
        Session.Runner runner = session.runner();
        for (Op update : generator.updateOps()) {
          runner.addTarget(update);
        }
        try (TBool training = TBool.scalarOf(true)) {
          runner.feed(ctx.trainingFlag(), training).run();
        }
      }
      Operand<TFloat32> drawn = generator.apply(z);
      float[] withBatchStatistics = eval(session, ctx, drawn, true);
      float[] withMovingAverages = eval(session, ctx, drawn, false);
      assertEquals(BATCH * 28 * 28 * 3, withMovingAverages.length);
      assertArrayEquals(withBatchStatistics, withMovingAverages, 1e-3f);
    }
  }

  private static float[] eval(Session session, GraphContext ctx, Operand<TFloat32> y, boolean training) {
    try (TBool flag = TBool.scalarOf(training);
        Result result = session.runner().feed(ctx.trainingFlag(), flag).fetch(y).run()) {
      return Tensors.toFloats(result.get(0));
    }
  }

  /** A fixed batch of the given shape: uniform draws in [-1, 1], scaled by {@code spread}, plus {@code offset}. */
  private static Operand<TFloat32> constant(GraphContext ctx, long seed, float offset, float spread, long... shape) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[(int) Shape.of(shape).size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = offset + spread * (float) random.nextDouble(-1, 1);
    }
    return ctx.tf().constant(Shape.of(shape), DataBuffers.of(values));
  }
}
