package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Layers nested inside a user's layer get their own variables; sharing takes applying the network again. */
class NestedLayersTest {
  /** A user's layer made of two Dense(8) in a row. */
  private record TwoDense(boolean scoped) implements Layer {
    @Override
    public Operand<TFloat32> apply(LayerContext c, Operand<TFloat32> x) {
      Operand<TFloat32> h = scoped ? c.apply(new Dense(8), x) : new Dense(8).apply(c, x);
      return scoped ? c.apply(new Dense(8), h) : new Dense(8).apply(c, h);
    }

    @Override
    public String kind() {
      return "pair";
    }
  }

  private static List<String> variableNames(Network net) {
    return net.variables().stream().map(v -> v.op().name() + " " + v.shape()).toList();
  }

  @Test
  void twoNestedDenseLayersHaveFourVariablesSharedOnlyByReapplyingTheNetwork() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Network net = Network.of("net", ctx, new TwoDense(true), Activation.relu());
      net.apply(tf.zeros(tf.constant(new long[] {3, 5}), TFloat32.class));
      List<String> names = List.of("net/0_pair/0_dense/kernel [5, 8]", "net/0_pair/0_dense/bias [8]",
          "net/0_pair/1_dense/kernel [8, 8]", "net/0_pair/1_dense/bias [8]");
      assertEquals(names, variableNames(net));
      // A second application reuses the same four.
      net.apply(tf.ones(tf.constant(new long[] {2, 5}), TFloat32.class));
      assertEquals(names, variableNames(net));
    }
  }

  @Test
  void nestedLayersCalledDirectlyAreRefusedRatherThanSharingAVariable() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Network net = Network.of("net", ctx, new TwoDense(false));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> net.apply(tf.zeros(tf.constant(new long[] {3, 8}), TFloat32.class)));
      assertTrue(e.getMessage().contains("layer 'net/0_pair' asked for variable 'kernel' twice")
          && e.getMessage().contains("context.apply(layer, x)"), e.getMessage());
    }
  }
}
