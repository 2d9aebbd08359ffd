package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.models.Mlp;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** Applying part of a network (an auto-encoder's encoder, then its decoder) with the network's variables. */
class NetworkPartsTest {
  @Test
  void partsComposeToTheWholeAndShareItsVariables() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 3);
      Network net = Network.of("AE", ctx, new Dense(4), Activation.relu(), new Dense(2), new Dense(3));
      Operand<TFloat32> x = ctx.tf().constant(new float[][] {{1f, -2f, 0.5f}, {0f, 3f, -1f}});
      Operand<TFloat32> whole = net.apply(x);
      int variables = net.variables().size();
      Operand<TFloat32> code = net.applyLayers(x, 0, 3);
      Operand<TFloat32> decoded = net.applyLayers(code, 3, 4);
      assertEquals(variables, net.variables().size(), "no new variables");
      assertEquals(2, code.shape().size(1));
      assertArrayEquals(GraphTesting.eval(s, whole), GraphTesting.eval(s, decoded), 0f);
    }
  }

  @Test
  void aPartCannotBeAppliedBeforeTheWhole() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 3);
      Network net = Network.of("AE", ctx, new Dense(2), new Dense(3));
      Operand<TFloat32> x = ctx.tf().constant(new float[][] {{1f, 2f, 3f}});
      assertThrows(IllegalStateException.class, () -> net.applyLayers(x, 0, 1));
      net.apply(x);
      assertThrows(IllegalArgumentException.class, () -> net.applyLayers(x, 1, 3));
    }
  }

  @Test
  void autoEncodersReconstructTheExampleShape() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 3);
      int[] image = {28, 28, 1};
      Network conv = new Network("E", ctx, new Dcgan28().autoEncoder(image, 8));
      Operand<TFloat32> y = conv.apply(ctx.tf().zeros(ctx.tf().constant(new int[] {2, 28, 28, 1}), TFloat32.class));
      assertArrayEquals(new long[] {2, 28, 28, 1}, y.shape().asArray());
      assertEquals(List.of(5, 7), List.of(new Dcgan28().encoder(image, 8).size(), new Dcgan28().decoder(8, image).size()));
      Network mlp = new Network("M", ctx, new Mlp(8, 2).autoEncoder(new int[] {2}, 3));
      assertArrayEquals(new long[] {4, 2}, mlp.apply(ctx.tf().zeros(ctx.tf().constant(new int[] {4, 2}), TFloat32.class))
          .shape().asArray());
    }
  }
}
