package org.jgan.losses;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * alpha-GAN (Rosca et al. 2017), Algorithm 1: an encoder E, a generator G, an image discriminator
 * D and a code discriminator C, with z ~ N(0, I). Each iteration updates, in this order and each
 * with its own optimiser, on one minibatch x (the trainer feeds the same batch to all four):
 * <pre>
 * L_E = lambda ||x - G(E(x))||_1 - log(C(E(x)) / (1 - C(E(x))))
 * L_G = lambda ||x - x^||_1 - log(D(x^) / (1 - D(x^))) - log(D(G(z)) / (1 - D(G(z)))),  x^ = G(E(x))
 * L_D = -log D(x) - log(1 - D(x^)) - log(1 - D(G(z)))
 * L_C = -log C(z) - log(1 - C(E(x)))
 * </pre>
 * The synthetic-likelihood ratios are logits: log(D / (1 - D)) = V_D exactly. The code
 * discriminator treats prior draws as real and codes of data as fake, as in the corrected
 * Algorithm 1 (the first arXiv version had the two swapped). ||.||_1 is the mean absolute error
 * per pixel (the L1 norm over an example's pixels divided by their number), averaged over the
 * batch, as the reimplementations define it: lambda then weighs reconstruction against the
 * adversarial terms the same way for any image size, and the paper's range, lambda from 1 to 10,
 * keeps its meaning. (On the per-example sum, lambda = 1 on MNIST is 784 per pixel, which turns
 * the model into an auto-encoder.) Each phase draws its own z: the trainer keys randomness per
 * session run, whereas Algorithm 1 draws one z per iteration.
 */
public final class AlphaGan implements Objective {
  /** lambda, the reconstruction weight (the bottom of the paper's range, 1 to 10). */
  public static final float LAMBDA = 1f;
  /** DCGAN's Adam learning rate, for each of the four networks. */
  public static final float LEARNING_RATE = 2e-4f;
  /** DCGAN's Adam beta1. */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2. */
  public static final float BETA2 = 0.999f;
  /** {@code alpha-gan}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("alpha-gan", AlphaGan::fromOptions)
      .taking(Hyperparameter.RECONSTRUCTION_WEIGHT);

  private final float lambda;
  private final Optimizer encoderOptimizer;
  private final Optimizer generatorOptimizer;
  private final Optimizer discriminatorOptimizer;
  private final Optimizer codeDiscriminatorOptimizer;

  /** @param lambda the reconstruction weight on the per-pixel L1 error (the paper's range: 1 to 10) */
  public AlphaGan(float lambda, Optimizer encoderOptimizer, Optimizer generatorOptimizer,
      Optimizer discriminatorOptimizer, Optimizer codeDiscriminatorOptimizer) {
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("reconstruction weight " + lambda + " must be non-negative");
    }
    this.lambda = lambda;
    this.encoderOptimizer = encoderOptimizer;
    this.generatorOptimizer = generatorOptimizer;
    this.discriminatorOptimizer = discriminatorOptimizer;
    this.codeDiscriminatorOptimizer = codeDiscriminatorOptimizer;
  }

  /** lambda = 1 and DCGAN's Adam(2e-4, 0.5) for each of the four networks. */
  public AlphaGan() {
    this(LAMBDA, adam(), adam(), adam(), adam());
  }

  private static Optimizer adam() {
    return new Adam(LEARNING_RATE, BETA1, BETA2);
  }

  /** The default settings with {@code options} over them. */
  static AlphaGan fromOptions(ObjectiveOptions options) {
    return new AlphaGan(ObjectiveOptions.or(options.reconstructionWeight(), LAMBDA),
        options.adam(LEARNING_RATE, BETA1, BETA2), options.adam(LEARNING_RATE, BETA1, BETA2),
        options.adam(LEARNING_RATE, BETA1, BETA2), options.adam(LEARNING_RATE, BETA1, BETA2));
  }

  @Override
  public String name() {
    return TYPE.name();
  }

  /** The reconstruction weight on the per-pixel L1 error. */
  public float lambda() {
    return lambda;
  }

  @Override
  public Set<Role> roles() {
    return Set.of(Role.GENERATOR, Role.DISCRIMINATOR, Role.ENCODER, Role.CODE_DISCRIMINATOR);
  }

  /**
   * ||x - x^||_1 per pixel: the mean absolute difference over every non-batch axis of each example,
   * averaged over the batch (equal-sized examples, so the mean over all elements).
   */
  public static Operand<TFloat32> reconstructionError(Ops tf, Operand<TFloat32> x, Operand<TFloat32> reconstruction) {
    return Reductions.mean(tf, tf.math.abs(tf.math.sub(x, reconstruction)));
  }

  /** Algorithm 1, encoder: lambda ||x - G(E(x))||_1 - E[V_C(E(x))]. */
  public static Operand<TFloat32> encoderLoss(Ops tf, float lambda, Operand<TFloat32> x, Operand<TFloat32> reconstruction,
      Operand<TFloat32> codeLogits) {
    return tf.math.sub(tf.math.mul(tf.constant(lambda), reconstructionError(tf, x, reconstruction)),
        Reductions.mean(tf, codeLogits));
  }

  /** Algorithm 1, generator: lambda ||x - x^||_1 - E[V_D(x^)] - E[V_D(G(z))]. */
  public static Operand<TFloat32> generatorLoss(Ops tf, float lambda, Operand<TFloat32> x,
      Operand<TFloat32> reconstruction, Operand<TFloat32> reconstructionLogits, Operand<TFloat32> generatedLogits) {
    return tf.math.sub(tf.math.sub(tf.math.mul(tf.constant(lambda), reconstructionError(tf, x, reconstruction)),
        Reductions.mean(tf, reconstructionLogits)), Reductions.mean(tf, generatedLogits));
  }

  /** Algorithm 1, image discriminator: -E[log D(x)] - E[log(1 - D(x^))] - E[log(1 - D(G(z)))]. */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realLogits,
      Operand<TFloat32> reconstructionLogits, Operand<TFloat32> generatedLogits) {
    return tf.math.add(Gan.discriminatorLoss(tf, realLogits, reconstructionLogits),
        Reductions.mean(tf, tf.math.softplus(generatedLogits)));
  }

  /** Algorithm 1, code discriminator: -E[log C(z)] - E[log(1 - C(E(x)))], prior draws real. */
  public static Operand<TFloat32> codeDiscriminatorLoss(Ops tf, Operand<TFloat32> priorLogits,
      Operand<TFloat32> encodedLogits) {
    return Gan.discriminatorLoss(tf, priorLogits, encodedLogits);
  }

  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    GraphContext graph = in.graph();
    Ops tf = graph.tf();
    Network e = networks.get(Role.ENCODER);
    Network g = networks.generator();
    Network d = networks.discriminator();
    Network c = networks.get(Role.CODE_DISCRIMINATOR);
    Operand<TFloat32> x = in.real();
    Operand<TFloat32> codes = e.apply(x);
    // G's first application owns its batch-norm moving averages, which sampling uses: so the prior's.
    Operand<TFloat32> generated = g.apply(in.z());
    Operand<TFloat32> reconstruction = g.apply(codes);
    Operand<TFloat32> codeLogits = c.apply(codes);
    Operand<TFloat32> priorLogits = c.apply(in.z());
    Operand<TFloat32> realLogits = d.apply(x);
    Operand<TFloat32> reconstructionLogits = d.apply(reconstruction);
    Operand<TFloat32> generatedLogits = d.apply(generated);

    Operand<TFloat32> eLoss = encoderLoss(tf, lambda, x, reconstruction, codeLogits);
    Operand<TFloat32> gLoss = generatorLoss(tf, lambda, x, reconstruction, reconstructionLogits, generatedLogits);
    Operand<TFloat32> dLoss = discriminatorLoss(tf, realLogits, reconstructionLogits, generatedLogits);
    Operand<TFloat32> cLoss = codeDiscriminatorLoss(tf, priorLogits, codeLogits);
    Operand<TFloat32> l1 = reconstructionError(tf, x, reconstruction);

    TrainPhase encoder = new TrainPhase("encoder", e, Map.of("loss", eLoss, "reconstruction_l1", l1),
        encoderOptimizer.minimize(graph, "E_optimizer", eLoss, e), true);
    TrainPhase generator = new TrainPhase("generator", g, Map.of("loss", gLoss, "reconstruction_l1", l1),
        generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g), true);
    TrainPhase discriminator = new TrainPhase("discriminator", d,
        Map.of("loss", dLoss, "d_real", Reductions.mean(tf, tf.math.sigmoid(realLogits)),
            "d_reconstruction", Reductions.mean(tf, tf.math.sigmoid(reconstructionLogits)),
            "d_generated", Reductions.mean(tf, tf.math.sigmoid(generatedLogits))),
        discriminatorOptimizer.minimize(graph, "D_optimizer", dLoss, d), true);
    TrainPhase codeDiscriminator = new TrainPhase("code_discriminator", c,
        Map.of("loss", cLoss, "c_prior", Reductions.mean(tf, tf.math.sigmoid(priorLogits)),
            "c_encoded", Reductions.mean(tf, tf.math.sigmoid(codeLogits))),
        codeDiscriminatorOptimizer.minimize(graph, "C_optimizer", cLoss, c), true);
    List<TrainPhase> phases = List.of(encoder, generator, discriminator, codeDiscriminator);
    return new ObjectiveGraph(phases, Schedule.inOrderOnOneBatch(phases));
  }
}
