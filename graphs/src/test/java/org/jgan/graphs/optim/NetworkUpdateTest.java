package org.jgan.graphs.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.GraphRuns;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.layers.BatchNorm;
import org.jgan.graphs.layers.Dense;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** A network's update op ({@link Optimizer#minimize(GraphContext, String, Operand, Network)}) keeps its batch-norm statistics moving. */
class NetworkUpdateTest {
  /** The moving mean of a batch-normalised network after one training step built by {@code build}. */
  private static float[] movingMeanAfterOneStep(boolean wholeNetwork) {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 5);
      Ops tf = ctx.tf();
      Network net = Network.of("net", ctx, new Dense(3), new BatchNorm(), new Dense(1));
      Operand<TFloat32> x = tf.math.add(ctx.normal(tf.constant(new long[] {16, 2})), tf.constant(4f));
      Operand<TFloat32> loss = Reductions.mean(tf, tf.math.square(net.apply(x)));
      Optimizer adam = new Adam(0.01f, 0.5f, 0.9f);
      Op step = wholeNetwork ? adam.minimize(ctx, "opt", loss, net)
          : adam.minimize(ctx, "opt", loss, net.trainableVariables());
      Variable<TFloat32> movingMean = net.variables().stream()
          .filter(v -> v.op().name().endsWith("moving_mean")).findFirst().orElseThrow();
      try (Session s = Sessions.open(g, 1)) {
        GraphRuns.run(s, Map.of(ctx.trainingFlag(), TBool.scalarOf(true)), step);
        return GraphRuns.eval(s, movingMean);
      }
    }
  }

  @Test
  void aNetworksUpdateOpMovesItsBatchNormStatistics() {
    float[] mean = movingMeanAfterOneStep(true);
    assertFalse(Arrays.equals(new float[mean.length], mean), "moving mean still 0: " + Arrays.toString(mean));
  }

  @Test
  void minimisingOverTheVariablesAloneLeavesThemAtZero() {
    // Why the network form exists: the variable-list form cannot know about the update ops.
    assertArrayEquals(new float[3], movingMeanAfterOneStep(false));
  }

  @Test
  void reductionsCoverEveryAxisOrEveryAxisButTheBatch() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 9}});
      // mean = 24 / 6 = 4; sum = 24; per example: sums 6 and 18, means 2 and 6; a scalar is its own mean.
      List<Operand<TFloat32>> reduced = List.of(Reductions.mean(tf, x), Reductions.sum(tf, x),
          Reductions.sumPerExample(tf, x), Reductions.meanPerExample(tf, x), Reductions.mean(tf, tf.constant(7f)));
      try (Session s = Sessions.open(g, 1)) {
        float[][] values = GraphRuns.fetch(s, Map.of(), reduced);
        assertArrayEquals(new float[] {4f}, values[0]);
        assertArrayEquals(new float[] {24f}, values[1]);
        assertArrayEquals(new float[] {6f, 18f}, values[2]);
        assertArrayEquals(new float[] {2f, 6f}, values[3]);
        assertArrayEquals(new float[] {7f}, values[4]);
      }
    }
  }
}
