package org.jgan.losses;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * WGAN-GP on discrete data, relaxed as in Gulrajani et al. 2017's language model (the section
 * "Modeling discrete data with a continuous generator" and the authors' {@code gan_language.py}):
 * the generator outputs logits of a categorical distribution per element, the critic reads its
 * probabilities (a point of the simplex per element) where a discrete sample would be, the real
 * data are one-hot, and the gradient penalty is taken on interpolates between the two. No sample is drawn in training, so the generator gets
 * an ordinary pathwise gradient; this is the baseline that BGAN's discrete experiments compare with.
 *
 * <p>Each element's categories: for {@link DiscreteBgan.Kind#MULTINOMIAL} data the last axis, as
 * the data have it (one-hot characters, palette indices); for {@link DiscreteBgan.Kind#BINARY} data
 * (one value in {0, 1} per element) the two categories {0, 1}, so the critic reads
 * [1 - p, p] where the generator says p = sigmoid(logit) and [1 - x, x] for a real x: the last
 * axis doubles (binarised MNIST's one channel becomes two).
 *
 * <p>The generator's samples head ({@link #samples}) gives the probabilities, as discrete BGAN's
 * does, and its exported {@code samples} output draws from them in the same way; {@code jgan eval}
 * scores binary data on such draws, so both objectives are evaluated alike.
 * Losses, schedule, lambda, n_critic and optimisers are {@link WganGp}'s, and a critic with batch
 * norm is refused as there.
 */
public final class RelaxedWganGp implements Objective, DiscreteGenerator {
  private final DiscreteBgan.Kind kind;
  private final float lambda;
  private final int criticSteps;
  private final Optimizer criticOptimizer;
  private final Optimizer generatorOptimizer;

  /** Relaxed WGAN-GP on data of {@code kind} with explicit settings. */
  public RelaxedWganGp(DiscreteBgan.Kind kind, float lambda, int criticSteps, Optimizer criticOptimizer,
      Optimizer generatorOptimizer) {
    if (lambda < 0) {
      throw new IllegalArgumentException("lambda " + lambda + " must be non-negative");
    }
    if (criticSteps < 1) {
      throw new IllegalArgumentException("n_critic " + criticSteps + " must be at least 1");
    }
    this.kind = kind;
    this.lambda = lambda;
    this.criticSteps = criticSteps;
    this.criticOptimizer = criticOptimizer;
    this.generatorOptimizer = generatorOptimizer;
  }

  /** WGAN-GP's paper settings with {@code options} over them, on data of {@code kind}. */
  static RelaxedWganGp fromOptions(ObjectiveOptions options, DiscreteBgan.Kind kind) {
    return new RelaxedWganGp(kind, ObjectiveOptions.or(options.gradientPenaltyWeight(), WganGp.LAMBDA),
        options.criticStepsOr(WganGp.N_CRITIC), options.adam(WganGp.LEARNING_RATE, WganGp.BETA1, WganGp.BETA2),
        options.adam(WganGp.LEARNING_RATE, WganGp.BETA1, WganGp.BETA2));
  }

  /** The same name as {@link WganGp}: the data, not the flag, say that it is relaxed. */
  @Override
  public String name() {
    return WganGp.TYPE.name();
  }

  /** How the generator's output is read: Bernoulli or categorical. */
  @Override
  public DiscreteBgan.Kind kind() {
    return kind;
  }

  /** The generator ends in raw logits; the critic reads the relaxed shape ({@link #relaxedShape}). */
  @Override
  public List<Layer> layersFor(Role role, Architecture architecture, ModelShape shape) {
    return switch (role) {
      case GENERATOR -> architecture.generator(shape.zDim(), shape.exampleShape(), Activation.identity());
      case DISCRIMINATOR -> WganGp.withoutBatchNorm(name(), architecture,
          architecture.discriminator(relaxedShape(kind, shape.exampleShape())));
      default -> Objective.super.layersFor(role, architecture, shape);
    };
  }

  /** The shape of one example as the critic reads it: binary data's last axis doubled, multinomial data's as is. */
  public static int[] relaxedShape(DiscreteBgan.Kind kind, int[] exampleShape) {
    int[] shape = exampleShape.clone();
    if (kind == DiscreteBgan.Kind.BINARY) {
      shape[shape.length - 1] *= 2;
    }
    return shape;
  }

  /** The probabilities the logits give, as discrete BGAN's generators give them: sigmoid or softmax. */
  @Override
  public Operand<TFloat32> samples(Ops tf, Operand<TFloat32> logits) {
    return kind == DiscreteBgan.Kind.BINARY ? tf.math.sigmoid(logits) : softmaxLastAxis(tf, logits);
  }

  /**
   * What the critic reads for generator logits: each element's categorical probabilities, summing to
   * 1 over its categories ([1 - p, p] for binary data, the softmax over the last axis otherwise).
   */
  public static Operand<TFloat32> relaxedFake(Ops tf, DiscreteBgan.Kind kind, Operand<TFloat32> logits) {
    if (kind == DiscreteBgan.Kind.BINARY) {
      return categories(tf, tf.math.sigmoid(logits));
    }
    return softmaxLastAxis(tf, logits);
  }

  /** What the critic reads for real data: one-hot over each element's categories ([1 - x, x] for binary data, as is otherwise). */
  public static Operand<TFloat32> relaxedReal(Ops tf, DiscreteBgan.Kind kind, Operand<TFloat32> real) {
    return kind == DiscreteBgan.Kind.BINARY ? categories(tf, real) : real;
  }

  /** [1 - p, p] along the last axis. */
  private static Operand<TFloat32> categories(Ops tf, Operand<TFloat32> p) {
    return tf.concat(List.of(tf.math.sub(tf.constant(1f), p), p), tf.constant(-1));
  }

  /** Softmax over the last axis, computed on a [rows, K] view so that any rank differentiates correctly. */
  static Operand<TFloat32> softmaxLastAxis(Ops tf, Operand<TFloat32> logits) {
    long categories = logits.shape().size(logits.shape().numDimensions() - 1);
    Operand<TFloat32> rows = tf.reshape(logits, tf.constant(new long[] {-1, categories}));
    return tf.reshape(tf.nn.softmax(rows), tf.shape(logits));
  }

  /** {@link WganGp}'s game, the critic reading {@link #relaxedReal} and {@link #relaxedFake}. */
  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    Ops tf = in.graph().tf();
    Network g = networks.generator();
    Operand<TFloat32> fake = relaxedFake(tf, kind, g.apply(in.z()));
    Operand<TFloat32> real = relaxedReal(tf, kind, in.real());
    return WganGp.game(in.graph(), in.batchSize(), g, networks.discriminator(), real, fake, lambda, criticSteps,
        criticOptimizer, generatorOptimizer);
  }
}
