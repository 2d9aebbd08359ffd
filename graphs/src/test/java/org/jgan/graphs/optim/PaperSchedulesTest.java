package org.jgan.graphs.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.GraphRuns;
import org.jgan.graphs.Sessions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The GAN paper's SGD schedules (pylearn2's ExponentialDecay and MomentumAdjustor, as
 * goodfeli/adversarial's mnist.yaml sets them) against their closed forms.
 */
class PaperSchedulesTest {
  @Test
  void learningRateAfterKUpdatesIsBaseOverFactorToTheKFloored() {
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Optimizer sgd = new Momentum(0.1f, MomentumRamp.constant(0.5f)).withExponentialDecay(ExponentialDecay.GAN_PAPER_MNIST);
      Operand<TFloat32> lr = sgd.learningRate(ctx);
      Variable<TInt64> updates = sgd.updateCount(ctx);
      try (Session s = Sessions.open(g, 1)) {
        // 10^6 updates: 0.1 / 1.000004^1e6 = 1.83e-3; 3 * 10^6: 6.1e-7, below the floor of 1e-6.
        for (long k : new long[] {0, 1, 7, 125_000, 250_000, 1_000_000, 3_000_000}) {
          GraphRuns.run(s, tf.assign(updates, tf.constant(k)));
          double expected = Math.max(0.1 / Math.pow(1.000004, k), (double) 1e-6f);
          assertEquals(expected, GraphRuns.eval(s, lr)[0], expected * 2e-6, "learning rate after " + k + " updates");
          assertEquals(expected, ExponentialDecay.GAN_PAPER_MNIST.rate(0.1, k), expected * 1e-12);
        }
      }
    }
  }

  @Test
  void momentumRisesLinearlyFromEpochOneToEpoch250() {
    MomentumRamp paper = new MomentumRamp(0.5f, 0.7f, 1, 250, 500);
    assertEquals(0.5, paper.at(0), 1e-7, "epoch 1");
    assertEquals(0.5, paper.at(499), 1e-7, "last update of epoch 1");
    assertEquals(0.5 + 0.2 / 249, paper.at(500), 1e-7, "epoch 2");
    assertEquals(0.5 + 0.2 * 124 / 249, paper.at(124 * 500 + 17), 1e-7, "epoch 125");
    assertEquals(0.7 - 0.2 / 249, paper.at(248 * 500 + 499), 1e-7, "epoch 249");
    assertEquals(0.7, paper.at(249 * 500), 1e-7, "epoch 250");
    assertEquals(0.7, paper.at(10_000_000), 1e-7, "after saturation");
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Momentum sgd = new Momentum(0.1f, paper);
      Operand<TFloat32> m = sgd.momentum(ctx);
      Variable<TInt64> updates = sgd.updateCount(ctx);
      try (Session s = Sessions.open(g, 1)) {
        for (long k : new long[] {0, 499, 500, 62_017, 124_999, 124_500, 125_000, 10_000_000}) {
          GraphRuns.run(s, tf.assign(updates, tf.constant(k)));
          assertEquals(paper.at(k), GraphRuns.eval(s, m)[0], 1e-6, "momentum after " + k + " updates");
        }
      }
    }
  }

  @Test
  void pylearn2MomentumFollowsTheHandComputedTrajectory() {
    // loss = a (x - c)^2 on a scalar; short epochs and a fast decay so six updates cross both schedules.
    double a = 1.5;
    double c = 2.0;
    ExponentialDecay decay = new ExponentialDecay(1.5, 0.03f);
    MomentumRamp ramp = new MomentumRamp(0.5f, 0.9f, 1, 3, 2);
    double x = -1.0;
    double velocity = 0;
    double[] expected = new double[6];
    for (int k = 0; k < expected.length; k++) {
      velocity = ramp.at(k) * velocity - decay.rate(0.2, k) * 2 * a * (x - c);
      x += velocity;
      expected[k] = x;
    }
    try (Graph g = new Graph()) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Variable<TFloat32> v = ctx.named("x").variable(tf.withInitScope().constant(-1f));
      Operand<TFloat32> loss = tf.math.mul(tf.constant((float) a), tf.math.square(tf.math.sub(v, tf.constant((float) c))));
      Optimizer sgd = new Momentum(0.2f, ramp).withExponentialDecay(decay);
      Op step = sgd.minimize(ctx, "sgd", loss, List.of(v));
      try (Session s = Sessions.open(g, 1)) {
        for (int k = 0; k < expected.length; k++) {
          GraphRuns.run(s, step);
          assertEquals(expected[k], GraphRuns.eval(s, v)[0], 1e-5 * Math.max(1, Math.abs(expected[k])), "x after update " + (k + 1));
        }
      }
    }
  }
}
