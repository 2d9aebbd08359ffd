package org.jgan.training;

import java.util.List;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.losses.NoisePrior;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.random.StatelessRandomGetKeyCounter;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The z that {@code jgan eval} and {@code jgan sample} feed a generator for a sampling seed: the
 * prior's stateless (Philox) draw keyed {@code [seed, 0]}, built into {@link GeneratorGraph}'s
 * {@code generated} head by {@link #rows}. {@link #samples} draws the same z outside that graph
 * and feeds it to a {@link Trainer}, so that an in-training quality probe scores exactly the samples
 * eval scores for a checkpoint of the same weights.
 */
public final class PriorDraw {
  /** TensorFlow's number for the Philox algorithm of the V2 stateless random ops. */
  private static final int PHILOX = 1;
  /** Threads of the session that only draws z. */
  private static final int THREADS = 1;

  private PriorDraw() {}

  /**
   * Rows [offset, offset + count) of the prior's stateless draw keyed {@code [seed, 0]}: the V2
   * random op on the key and counter the V1 op (statelessRandomNormal) derives from the same key,
   * the counter advanced by offset * zDim / 4 Philox steps. At offset 0 it equals the V1 op, so
   * models exported before offsets existed draw the same z.
   *
   * @param tf the ops of the graph to build into
   * @param prior the prior z is drawn from
   * @param count the number of rows, int32 scalar
   * @param seed the sampling seed, int64 scalar
   * @param offset the first row, int64 scalar; a multiple of 4 (Philox makes 4 values per counter step)
   * @return z, float32 [count, prior dimension]
   */
  public static Operand<TFloat32> rows(Ops tf, NoisePrior prior, Operand<TInt32> count, Operand<TInt64> seed,
      Operand<TInt64> offset) {
    Operand<TInt32> shape = tf.stack(List.of(count, tf.constant(prior.dimension())));
    Operand<TInt64> key = tf.stack(List.of(seed, tf.constant(0L)));
    StatelessRandomGetKeyCounter keyCounter = tf.random.statelessRandomGetKeyCounter(key);
    Operand<TInt64> steps = tf.math.div(tf.math.mul(offset, tf.constant((long) prior.dimension())), tf.constant(4L));
    // The counter is uint64[2], low word first; Java has no uint64 type, so it is advanced as int64 bits.
    Operand<TInt64> counter = tf.math.add(tf.bitcast(keyCounter.counter(), TInt64.class),
        tf.stack(List.of(steps, tf.constant(0L))));
    Output<?> unsigned = tf.scope().env().opBuilder("Bitcast", tf.scope().makeOpName("Bitcast"), tf.scope())
        .addInput(counter.asOutput()).setAttr("type", DataType.DT_UINT64).build().output(0);
    Operand<TInt32> philox = tf.constant(PHILOX);
    return prior.kind() == NoisePrior.Kind.NORMAL
        ? tf.random.statelessRandomNormalV2(shape, keyCounter.key(), unsigned, philox)
        : prior.fromUnitUniform(tf, tf.random.statelessRandomUniformV2(shape, keyCounter.key(), unsigned, philox));
  }

  /**
   * {@code count} samples of {@code trainer}'s generator (its {@link Trainer#sample(float[])}, in
   * the run's raw output scale) for the z that {@link GeneratorGraph}'s {@code generated} head
   * draws for {@code seed}, in the same runs of at most {@link GeneratorGraph#SAMPLES_PER_RUN} rows
   * that {@code jgan eval} draws them in.
   *
   * @param trainer the trainer whose current generator is sampled
   * @param count how many samples
   * @param seed the sampling seed ({@code jgan eval --seed})
   * @return the samples, row-major [count, example shape...]
   */
  public static float[] samples(Trainer trainer, int count, long seed) {
    NoisePrior prior = trainer.spec().prior();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TInt32> countInput = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TInt64> seedInput = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TInt64> offsetInput = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat32> z = rows(tf, prior, countInput, seedInput, offsetInput);
      float[] samples = null;
      try (Session session = Sessions.open(graph, THREADS)) {
        for (int start = 0; start < count; start += GeneratorGraph.SAMPLES_PER_RUN) {
          int n = Math.min(GeneratorGraph.SAMPLES_PER_RUN, count - start);
          float[] drawn;
          try (TInt32 c = TInt32.scalarOf(n); TInt64 s = TInt64.scalarOf(seed); TInt64 o = TInt64.scalarOf(start);
              Result result = session.runner().feed(countInput, c).feed(seedInput, s).feed(offsetInput, o)
                  .fetch(z).run()) {
            drawn = Tensors.toFloats(result.get(0));
          }
          float[] part = trainer.sample(drawn);
          if (samples == null) {
            samples = new float[Math.multiplyExact(part.length / n, count)];
          }
          System.arraycopy(part, 0, samples, part.length / n * start, part.length);
        }
      }
      return samples == null ? new float[0] : samples;
    }
  }
}
