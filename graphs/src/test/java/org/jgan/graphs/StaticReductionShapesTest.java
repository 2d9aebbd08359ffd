package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Reductions of a tensor whose rank is known when the graph is built have static shapes, and so do
 * their gradients (Grappler can then fold the gradients' shape ops); their values are unchanged,
 * and a tensor of unknown rank still reduces.
 */
class StaticReductionShapesTest {
  @Test
  void reductionsOfAKnownRankHaveStaticShapesAndTheRightValues() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
      Operand<TFloat32> mean = Reductions.mean(tf, x);
      Operand<TFloat32> perExample = Reductions.sumPerExample(tf, x);
      assertEquals(Shape.scalar(), mean.shape());
      assertEquals(Shape.of(2), perExample.shape());
      Operand<TFloat32> grad = Gradients.of(new GraphContext(graph, 1), "g", tf.math.square(perExample), List.of(x))
          .get(0);
      assertEquals(Shape.of(2, 3), grad.shape(), "the gradient's shape is static");

      try (TFloat32 value = Tensors.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
          Result result = session.runner().feed(x, value).fetch(mean).fetch(perExample).fetch(grad).run()) {
        assertEquals(3.5f, Tensors.scalar(result.get(0)));
        assertArrayEquals(new float[] {6, 15}, Tensors.toFloats(result.get(1)));
        assertArrayEquals(new float[] {12, 12, 12, 30, 30, 30}, Tensors.toFloats(result.get(2)));
      }
    }
  }

  @Test
  void aTensorOfUnknownRankStillReduces() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.unknown()));
      Operand<TFloat32> sum = Reductions.sum(tf, x);
      Operand<TFloat32> perExample = Reductions.meanPerExample(tf, x);
      assertTrue(sum.shape().isUnknown());
      try (TFloat32 value = Tensors.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
          Result result = session.runner().feed(x, value).fetch(sum).fetch(perExample).run()) {
        assertEquals(21f, Tensors.scalar(result.get(0)));
        assertArrayEquals(new float[] {2, 5}, Tensors.toFloats(result.get(1)));
      }
    }
  }
}
