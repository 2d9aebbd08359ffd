package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgan.data.Dataset;
import org.jgan.data.PixelMarginals;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.GanPaperMlp;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The GAN paper's generator starts its sigmoid output at each pixel's mean over the training data. */
class OutputBiasFromMarginalsTest {
  /** Four 2 x 2 images: pixel means 0 (clipped to 1e-7), 0.25, 0.6 and 1 (clipped to 1 - 1e-7). */
  private static final Dataset IMAGES = new Dataset("tiny", new int[] {2, 2, 1}, new float[] {
      0, 0, 0.2f, 1,
      0, 1, 0.4f, 1,
      0, 0, 0.8f, 1,
      0, 0, 1.0f, 1}, null);

  @Test
  void sigmoidOfTheInitialOutputBiasIsTheClippedPixelMean() {
    double[] expected = {1e-7, 0.25, 0.6, 1 - 1e-7};
    assertArrayEquals(new double[] {0, 0.25, 0.6, 1}, PixelMarginals.means(IMAGES), 1e-7);
    GanPaperMlp architecture = new GanPaperMlp().withOutputBias(PixelMarginals.sigmoidBias(IMAGES));
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Network generator = new Network("G", ctx, architecture.generator(5, new int[] {2, 2, 1}, Activation.sigmoid()));
      generator.apply(ctx.tf().constant(new float[1][5]));
      List<Variable<TFloat32>> variables = generator.trainableVariables();
      Variable<TFloat32> outputBias = variables.get(variables.size() - 1);
      try (Session s = Sessions.open(g, 1)) {
        float[] bias = TrainingFixtures.values(s, List.of(outputBias)).get(0);
        assertEquals(4, bias.length);
        for (int j = 0; j < bias.length; j++) {
          // float32 logits of 1e-7 (-16.1) carry ~1e-6 relative error, so compare the probabilities relatively.
          double p = 1 / (1 + Math.exp(-bias[j]));
          assertEquals(expected[j], p, Math.max(1e-6, expected[j] * 1e-5), "pixel " + j);
        }
      }
    }
  }

  @Test
  void theDefaultOutputBiasIsZeroAndValuesOutsideTheUnitRangeAreRefused() {
    assertEquals(null, new GanPaperMlp().outputBias());
    Dataset signed = new Dataset("signed", new int[] {2}, new float[] {-1, 0.5f, -1, 0.5f}, null);
    assertThrows(org.jgan.data.DataException.class, () -> PixelMarginals.sigmoidBias(signed));
    assertThrows(IllegalArgumentException.class, () -> new GanPaperMlp().withOutputBias(new float[3])
        .generator(5, new int[] {2, 2, 1}, Activation.sigmoid()));
  }
}
