package org.jgan.training;

import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.DiscreteGenerator;
import org.jgan.losses.ModelShape;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Role;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A graph holding only the generator of a model, with the training graph's variable names (so it
 * restores from a training checkpoint), for serving and sampling: the averaged generator
 * ({@link GeneratorEma}) when the model has a weight average.
 *
 * <p>Two heads share the generator's variables: {@code images} = out(S(G(z))) on a fed z, and
 * {@code generated} = out(S(G(z'))) with z' drawn in the graph from the prior by a stateless random op
 * keyed {@code [seed, 0]} ({@link PriorDraw}, which draws the same z for a trainer's quality probes). When {@code unitRange} is set, out maps the tanh range [-1, 1] to [0, 1];
 * otherwise out is the identity. S is the objective's samples head, as in {@link GanGraph}.
 *
 * <p>z' is counter-based (Philox), so {@code generated} can draw any rows of it: fed an
 * {@code offset}, it draws rows [offset, offset + count) of the draw for {@code seed}, the same
 * values one run drawing every row gives them. Large counts are drawn that way, in runs of at most
 * {@link #SAMPLES_PER_RUN} rows (no tensor then grows with the count).
 *
 * @param context the graph context
 * @param z the z input, float32 [-1, zDim]
 * @param images the generator's output for {@code z}, float32 [-1, example shape...]
 * @param count the number of examples {@code generated} draws, int32 scalar
 * @param seed the key of {@code generated}'s z draws, int64 scalar
 * @param offset the first row of the draw that {@code generated} returns, int64 scalar, 0 unless fed; a
 *     multiple of 4 (Philox makes 4 values per counter step)
 * @param generated the generator's output for z drawn in the graph
 * @param samples for discrete generators, a draw from the distribution {@code images} gives (0/1 or
 *     one-hot), keyed [0, 1]; null otherwise
 * @param generatedSamples for discrete generators, a draw from {@code generated}, keyed [seed, 1] (whole:
 *     it does not follow {@code offset}); null otherwise
 */
public record GeneratorGraph(GraphContext context, Placeholder<TFloat32> z, Operand<TFloat32> images,
    Placeholder<TInt32> count, Placeholder<TInt64> seed, PlaceholderWithDefault<TInt64> offset,
    Operand<TFloat32> generated, Operand<TFloat32> samples, Operand<TFloat32> generatedSamples) {
  /** The most rows one session run should draw; a multiple of 4, so every chunk starts at a valid offset. */
  public static final int SAMPLES_PER_RUN = 10_000;
  /** The name of the offset input, by which a loaded SavedModel's graph is fed it. */
  public static final String OFFSET_NAME = "generate_offset";

  /** Builds the generator of {@code spec} into {@code graph}. */
  public static GeneratorGraph build(Graph graph, ModelSpec spec, boolean unitRange) {
    GraphContext ctx = new GraphContext(graph, spec.seed());
    Ops tf = ctx.tf();
    NoisePrior prior = spec.prior();
    ModelShape modelShape = new ModelShape(spec.exampleShape(), prior.dimension(), spec.outputActivation());
    // With a weight average, the averaged copy's variables are the generator restored from a checkpoint.
    Network generator = new Network(spec.usesEma() ? GeneratorEma.NETWORK : Role.GENERATOR.scope(), ctx,
        spec.objective().layersFor(Role.GENERATOR, spec.architecture(), modelShape));
    Shape exampleShape = outputShape(spec.exampleShape());

    Placeholder<TFloat32> z = tf.withName("z").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, prior.dimension())));
    Operand<TFloat32> raw = generator.apply(z);
    Operand<TFloat32> images = head(tf, "images", spec, raw, unitRange, exampleShape);

    Placeholder<TInt32> count = tf.withName("count").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    Placeholder<TInt64> seed = tf.withName("seed").placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    PlaceholderWithDefault<TInt64> offset = tf.withName(OFFSET_NAME).placeholderWithDefault(tf.constant(0L),
        Shape.scalar());
    Operand<TFloat32> drawn = PriorDraw.rows(tf, prior, count, seed, offset);
    Operand<TFloat32> generatedRaw = generator.apply(drawn);
    Operand<TFloat32> generated = head(tf, "generated", spec, generatedRaw, unitRange, exampleShape);
    Operand<TFloat32> samples = null;
    Operand<TFloat32> generatedSamples = null;
    if (spec.objective() instanceof DiscreteGenerator discrete) {
      samples = tf.withName("samples").identity(DiscreteBgan.draw(tf, discrete.kind(), raw,
          tf.random.statelessRandomUniform(tf.shape(raw), tf.constant(new long[] {0, 1}))));
      Operand<TInt64> sampleKey = tf.stack(java.util.List.of(seed, tf.constant(1L)));
      generatedSamples = tf.withName("generated_samples").identity(DiscreteBgan.draw(tf, discrete.kind(), generatedRaw,
          tf.random.statelessRandomUniform(tf.shape(generatedRaw), sampleKey)));
    }
    return new GeneratorGraph(ctx, z, images, count, seed, offset, generated, samples, generatedSamples);
  }

  /** The objective's samples of {@code raw}, mapped to [0, 1] if asked, static shape pinned, named {@code name}. */
  private static Operand<TFloat32> head(Ops tf, String name, ModelSpec spec, Operand<TFloat32> raw, boolean unitRange,
      Shape shape) {
    Operand<TFloat32> x = spec.objective().samples(tf, raw);
    Operand<TFloat32> out = unitRange ? tf.math.mul(tf.math.add(x, tf.constant(1f)), tf.constant(0.5f)) : x;
    return tf.withName(name).ensureShape(out, shape);
  }

  private static Shape outputShape(int[] example) {
    long[] dims = new long[example.length + 1];
    dims[0] = -1;
    for (int i = 0; i < example.length; i++) {
      dims[i + 1] = example[i];
    }
    return Shape.of(dims);
  }
}
