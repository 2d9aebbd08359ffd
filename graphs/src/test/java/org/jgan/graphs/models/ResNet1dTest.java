package org.jgan.graphs.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Conv1d;
import org.jgan.graphs.layers.ResidualBlock1d;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The sequence networks: shapes, and a residual block whose convolutions are zero is the identity. */
class ResNet1dTest {
  @Test
  void generatorAndDiscriminatorShapes() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 1);
      ResNet1d arch = new ResNet1d(8, 2);
      Network gen = new Network("G", ctx, arch.generator(4, new int[] {32, 97}, Activation.identity()));
      Network dis = new Network("D", ctx, arch.discriminator(new int[] {32, 97}));
      Operand<TFloat32> out = gen.apply(ctx.normal(ctx.tf().constant(new long[] {3, 4})));
      Operand<TFloat32> score = dis.apply(out);
      assertArrayEquals(new long[] {3, 32, 97}, out.shape().asArray());
      try (Result r = s.runner().fetch(out).fetch(score).run()) {
        assertArrayEquals(new long[] {3, 32, 97}, r.get(0).shape().asArray());
        assertArrayEquals(new long[] {3, 1}, r.get(1).shape().asArray());
      }
    }
  }

  @Test
  void residualBlockWithZeroConvolutionsIsIdentityAndConv1dMatchesByHand() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, 1)) {
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.constant(new float[][][] {{{1f, -2f}, {3f, 0.5f}, {-1f, 4f}}});
      Network block = new Network("R", ctx, List.of(new ResidualBlock1d(2, 3)));
      Operand<TFloat32> y = block.apply(x);
      Network conv = new Network("C", ctx, List.of(new Conv1d(1, 3)));
      Operand<TFloat32> c = conv.apply(x);
      for (var v : block.variables()) {
        s.runner().addTarget(tf.assign(v, tf.zerosLike(v))).run();
      }
      // Kernel [1, 3, in 2, out 1] = taps (1, 2, 3) on channel 0 and 0 on channel 1; SAME padding.
      var kernel = conv.trainableVariables().get(0);
      s.runner().addTarget(tf.assign(kernel, tf.constant(new float[][][][] {{{{1f}, {0f}}, {{2f}, {0f}}, {{3f}, {0f}}}})))
          .run();
      try (Result r = s.runner().fetch(y).fetch(c).run()) {
        assertArrayEquals(new float[] {1f, -2f, 3f, 0.5f, -1f, 4f}, Tensors.toFloats(r.get(0)));
        // Channel 0 is (1, 3, -1): out[0] = 2*1 + 3*3 = 11, out[1] = 1*1 + 2*3 + 3*-1 = 4, out[2] = 1*3 + 2*-1 = 1.
        float[] conv1d = Tensors.toFloats(r.get(1));
        assertEquals(11f, conv1d[0], 1e-6f);
        assertEquals(4f, conv1d[1], 1e-6f);
        assertEquals(1f, conv1d[2], 1e-6f);
      }
    }
  }
}
