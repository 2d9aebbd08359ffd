package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.graphs.models.Dcgan28Bn;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * dcgan28-bn's encoder (alpha-GAN) normalises each image by itself (layer norm), so an image's code
 * does not depend on the rest of the batch, where the discriminator's batch norm makes its score depend
 * on it in training mode.
 */
class Dcgan28BnEncoderTest {
  private static final int[] IMAGE = {28, 28, 3};
  private static final int PIXELS = 28 * 28 * 3;

  @Test
  void anImagesCodeIsTheSameWhateverTheBatchBesideIt() {
    float[] a = image(1);
    float[] batchAb = concat(a, image(2));
    float[] batchAc = concat(a, image(3));
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 5);
      Network encoder = new Network("E", ctx, new Dcgan28Bn().encoder(IMAGE, 8));
      Network critic = new Network("D", ctx, new Dcgan28Bn().discriminator(IMAGE));
      Operand<TFloat32> ab = ctx.tf().constant(Shape.of(2, 28, 28, 3), DataBuffers.of(batchAb));
      Operand<TFloat32> ac = ctx.tf().constant(Shape.of(2, 28, 28, 3), DataBuffers.of(batchAc));
      float[] codesAb = inTraining(s, ctx, encoder.apply(ab));
      float[] codesAc = inTraining(s, ctx, encoder.apply(ac));
      assertEquals(16, codesAb.length);
      assertArrayEquals(Arrays.copyOf(codesAb, 8), Arrays.copyOf(codesAc, 8), 1e-5f);
      assertTrue(Math.abs(codesAb[8] - codesAc[8]) > 1e-4, "different second images get different codes");
      float[] scoresAb = inTraining(s, ctx, critic.apply(ab));
      float[] scoresAc = inTraining(s, ctx, critic.apply(ac));
      assertTrue(Math.abs(scoresAb[0] - scoresAc[0]) > 1e-6,
          "the discriminator's batch norm (training mode) mixes the batch: " + scoresAb[0] + " vs " + scoresAc[0]);
    }
  }

  /** Evaluates {@code y} with the training flag on (batch statistics), as in a training step. */
  private static float[] inTraining(Session s, GraphContext ctx, Operand<TFloat32> y) {
    return GraphTesting.eval(s, y, Map.of(ctx.trainingFlag(), TBool.scalarOf(true)));
  }

  private static float[] image(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[PIXELS];
    for (int i = 0; i < PIXELS; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }

  private static float[] concat(float[] first, float[] second) {
    float[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
