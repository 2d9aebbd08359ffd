package org.jgan.losses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Boundary-seeking GAN for discrete data (Hjelm et al. 2017, Sections 2.2-2.3). The generator
 * outputs logits of a conditional distribution g(x | z): independent Bernoullis per pixel (binary)
 * or a softmax over K categories per position (multinomial, the last axis). For each z it draws M
 * samples x_m; the discriminator's log importance weights log w_m (= V(x_m) for most
 * divergences, see {@link FDivergence}) are normalised over the M samples and the generator
 * follows the importance-weighted likelihood gradient
 * L_G = -E_z sum_m stopgrad(w~_m) log g(x_m | z), or, in the REINFORCE form,
 * L_G = -E[stopgrad(log w - b) log g] with b a moving average of the batch log-partition
 * estimate log (1/M) sum_m w_m; each generator step reads b before it updates it, so reruns with
 * one seed are bit-identical. Samples are constants: no gradient flows through the sampling.
 *
 * <p>Optionally the discriminator also minimises gamma E_P[||grad_x V(x)||^2] on the real batch,
 * the penalty of {@link Bgan} (the authors' PyTorch code, cortex's {@code discrete_gan.py}, defaults
 * to a gradient-norm penalty of weight 5 on its discriminator); gamma = 0, the default, builds none.
 */
public final class DiscreteBgan implements Objective, DiscreteGenerator {
  /** How the generator's output is read. */
  public enum Kind {
    /** One Bernoulli per element (binarised images). */
    BINARY,
    /** A softmax over the last axis (one-hot characters, quantised pixels). */
    MULTINOMIAL
  }

  /** The estimator of the generator's gradient. */
  public enum Estimator {
    /** Normalised importance weights (the BGAN estimator). */
    IMPORTANCE,
    /** REINFORCE with a moving-average baseline. */
    REINFORCE
  }

  /**
   * How the graph draws and reads categorical samples (multinomial data only). All three follow the
   * same estimator; {@link #INDICES}, the default, is the fastest, and the other two are kept as
   * references for tests and {@code jgan bench discrete}.
   */
  public enum Form {
    /** Gumbel-max draws made one-hot, log g through the one-hot product, the discriminator on one-hot input. */
    GUMBEL_ONE_HOT,
    /** One categorical op's draws made one-hot, log g gathered, the discriminator on one-hot input. */
    ONE_HOT,
    /** One categorical op's draws, log g gathered, the discriminator on the draws' indices ({@link Network#applyToCategories}). */
    INDICES
  }

  /** M, the samples drawn per z. */
  public static final int SAMPLES_PER_Z = 20;
  /** The decay of REINFORCE's moving-average baseline. */
  public static final float BASELINE_DECAY = 0.995f;
  /** Adam's learning rate. */
  public static final float LEARNING_RATE = 1e-4f;
  /** Adam's beta1. */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2. */
  public static final float BETA2 = 0.999f;
  /** {@code bgan-discrete}: normalised importance weights, on binary data and the GAN divergence unless built with {@link Objectives#discrete}. */
  public static final ObjectiveType IMPORTANCE_TYPE = ObjectiveType.of("bgan-discrete",
      o -> create(Estimator.IMPORTANCE, o, Kind.BINARY, FDivergence.GAN, SAMPLES_PER_Z)).forDiscreteData()
      .taking(Hyperparameter.DIVERGENCE, Hyperparameter.SAMPLES_PER_Z, Hyperparameter.GRADIENT_PENALTY_WEIGHT);
  /** {@code bgan-reinforce}: REINFORCE with a baseline, on binary data and the GAN divergence unless built with {@link Objectives#discrete}. */
  public static final ObjectiveType REINFORCE_TYPE = ObjectiveType.of("bgan-reinforce",
      o -> create(Estimator.REINFORCE, o, Kind.BINARY, FDivergence.GAN, SAMPLES_PER_Z)).forDiscreteData()
      .taking(Hyperparameter.DIVERGENCE, Hyperparameter.SAMPLES_PER_Z, Hyperparameter.GRADIENT_PENALTY_WEIGHT);

  private final Kind kind;
  private final Estimator estimator;
  private final FDivergence divergence;
  private final int samplesPerZ;
  private final float baselineDecay;
  private final Optimizer discriminatorOptimizer;
  private final Optimizer generatorOptimizer;
  private final Form form;
  private final float penaltyWeight;

  public DiscreteBgan(Kind kind, Estimator estimator, FDivergence divergence, int samplesPerZ, float baselineDecay,
      Optimizer discriminatorOptimizer, Optimizer generatorOptimizer) {
    this(kind, estimator, divergence, samplesPerZ, baselineDecay, discriminatorOptimizer, generatorOptimizer,
        Form.INDICES, Bgan.DEFAULT_PENALTY_WEIGHT);
  }

  private DiscreteBgan(Kind kind, Estimator estimator, FDivergence divergence, int samplesPerZ, float baselineDecay,
      Optimizer discriminatorOptimizer, Optimizer generatorOptimizer, Form form, float penaltyWeight) {
    if (samplesPerZ < 1) {
      throw new IllegalArgumentException("samples per z " + samplesPerZ + " must be at least 1");
    }
    if (!(baselineDecay >= 0 && baselineDecay < 1)) {
      throw new IllegalArgumentException("baseline decay " + baselineDecay + " must be in [0, 1)");
    }
    this.kind = kind;
    this.estimator = estimator;
    this.divergence = divergence;
    this.samplesPerZ = samplesPerZ;
    this.baselineDecay = baselineDecay;
    this.discriminatorOptimizer = discriminatorOptimizer;
    this.generatorOptimizer = generatorOptimizer;
    this.form = form;
    this.penaltyWeight = Bgan.requirePenaltyWeight(penaltyWeight);
  }

  /** M = 20, baseline decay 0.995, Adam(1e-4, 0.5, 0.999) for both networks. */
  public DiscreteBgan(Kind kind, Estimator estimator, FDivergence divergence) {
    this(kind, estimator, divergence, SAMPLES_PER_Z, BASELINE_DECAY, new Adam(LEARNING_RATE, BETA1, BETA2),
        new Adam(LEARNING_RATE, BETA1, BETA2));
  }

  /** The estimator {@code type} (one of {@link #IMPORTANCE_TYPE}, {@link #REINFORCE_TYPE}) uses. */
  static Estimator estimatorOf(ObjectiveType type) {
    if (type != IMPORTANCE_TYPE && type != REINFORCE_TYPE) {
      throw new IllegalArgumentException("'" + type.name() + "' is not a discrete BGAN");
    }
    return type == REINFORCE_TYPE ? Estimator.REINFORCE : Estimator.IMPORTANCE;
  }

  /** Discrete BGAN for data of {@code kind}, with the divergence, M samples per z and {@code options} over the defaults. */
  static DiscreteBgan create(Estimator estimator, ObjectiveOptions options, Kind kind, FDivergence divergence,
      int samplesPerZ) {
    return new DiscreteBgan(kind, estimator, divergence, samplesPerZ, BASELINE_DECAY,
        options.adam(LEARNING_RATE, BETA1, BETA2), options.adam(LEARNING_RATE, BETA1, BETA2), Form.INDICES,
        ObjectiveOptions.or(options.gradientPenaltyWeight(), Bgan.DEFAULT_PENALTY_WEIGHT));
  }

  @Override
  public String name() {
    return (estimator == Estimator.REINFORCE ? REINFORCE_TYPE : IMPORTANCE_TYPE).name();
  }

  /** This objective built in {@code form} instead (multinomial data only; binary data has one form). */
  public DiscreteBgan withForm(Form form) {
    return new DiscreteBgan(kind, estimator, divergence, samplesPerZ, baselineDecay, discriminatorOptimizer,
        generatorOptimizer, form, penaltyWeight);
  }

  /** How the generator's output is read: Bernoulli or categorical. */
  @Override
  public Kind kind() {
    return kind;
  }

  /** The generator ends in raw logits; its samples head turns them into probabilities. */
  @Override
  public List<Layer> layersFor(Role role, Architecture architecture, ModelShape shape) {
    if (role == Role.GENERATOR) {
      return architecture.generator(shape.zDim(), shape.exampleShape(), Activation.identity());
    }
    return Objective.super.layersFor(role, architecture, shape);
  }

  @Override
  public Operand<TFloat32> samples(Ops tf, Operand<TFloat32> logits) {
    return kind == Kind.BINARY ? tf.math.sigmoid(logits) : tf.nn.softmax(logits);
  }

  /**
   * M samples per row of {@code logits} [B, ...], as [M, B, ...] of 0/1 (binary) or one-hot
   * (multinomial) values, from uniform draws {@code u} of the same shape. Built only from ops
   * whose output carries no gradient to the logits.
   */
  public static Operand<TFloat32> draw(Ops tf, Kind kind, Operand<TFloat32> logits, Operand<TFloat32> u) {
    Operand<TFloat32> constantLogits = tf.stopGradient(logits);
    if (kind == Kind.BINARY) {
      // x = 1 where u < sigmoid(l).
      return tf.dtypes.cast(tf.math.less(u, tf.math.sigmoid(constantLogits)), TFloat32.class);
    }
    // Gumbel-max: argmax_k (l_k - log(-log u_k)) is a draw from softmax(l).
    Operand<TFloat32> gumbel = tf.math.neg(tf.math.log(tf.math.neg(tf.math.log(
        tf.math.maximum(u, tf.constant(1e-20f))))));
    Operand<TInt32> index = tf.math.argMax(tf.math.add(constantLogits, gumbel), tf.constant(-1), TInt32.class);
    int categories = (int) logits.shape().size(logits.shape().numDimensions() - 1);
    return tf.oneHot(index, tf.constant(categories), tf.constant(1f), tf.constant(0f));
  }

  /**
   * M categorical draws per position of {@code logits} [B, ..., K], as category indices
   * [M, B, ...]: one sampling op over the [B x positions, K] rows. Neither the Gumbel noise nor the
   * one-hot samples of Gumbel-max ({@link #draw}), M times the logits' size each, are made.
   */
  public static Operand<TInt32> drawCategories(GraphContext graph, Operand<TFloat32> logits, int samplesPerZ) {
    Ops tf = graph.tf();
    long[] shape = logits.shape().asArray();
    long categories = shape[shape.length - 1];
    Operand<TFloat32> rows = tf.reshape(tf.stopGradient(logits), tf.constant(new long[] {-1, categories}));
    Operand<TInt32> perRow = graph.categorical(rows, samplesPerZ);
    long[] drawShape = new long[shape.length];
    drawShape[0] = samplesPerZ;
    System.arraycopy(shape, 0, drawShape, 1, shape.length - 1);
    return tf.reshape(tf.linalg.transpose(perRow, tf.constant(new int[] {1, 0})), tf.constant(drawShape));
  }

  /**
   * log g(x | z) of categorical draws given as indices {@code categories} [M, B, ...] under
   * {@code logits} [B, ..., K]: [M, B], each draw's log-probability gathered from the log softmax
   * rather than picked out by multiplying with its one-hot form (the same value as
   * {@link #logLikelihood} of those one-hot samples, with K times less work).
   */
  public static Operand<TFloat32> logLikelihoodOfCategories(Ops tf, Operand<TFloat32> logits, Operand<TInt32> categories) {
    long[] shape = logits.shape().asArray();
    int k = (int) shape[shape.length - 1];
    int rows = (int) (logits.shape().size() / k);
    long samples = categories.shape().size(0);
    Operand<TFloat32> logProbabilities = tf.reshape(logSoftmaxLastAxis(tf, logits), tf.constant(new long[] {-1}));
    // Row r's category c sits at r * K + c of the flattened log softmax.
    Operand<TInt32> rowStarts = tf.range(tf.constant(0), tf.constant(rows * k), tf.constant(k));
    Operand<TInt32> flatIndices = tf.math.add(tf.reshape(categories, tf.constant(new long[] {samples, rows})), rowStarts);
    Operand<TFloat32> picked = tf.gather(logProbabilities, flatIndices, tf.constant(0));
    return tf.reduceSum(tf.reshape(picked, tf.constant(new long[] {samples, shape[0], -1})), tf.constant(2));
  }

  /** log g(x | z) summed over every element of each sample: [M, B, ...] samples and [B, ...] logits give [M, B]. */
  public static Operand<TFloat32> logLikelihood(Ops tf, Kind kind, Operand<TFloat32> logits, Operand<TFloat32> samples) {
    Operand<TFloat32> perElement;
    if (kind == Kind.BINARY) {
      // log sigmoid(l) = -softplus(-l) for x = 1; log(1 - sigmoid(l)) = -softplus(l) for x = 0.
      Operand<TFloat32> logOne = tf.math.neg(tf.math.softplus(tf.math.neg(logits)));
      Operand<TFloat32> logZero = tf.math.neg(tf.math.softplus(logits));
      perElement = tf.math.add(tf.math.mul(samples, logOne),
          tf.math.mul(tf.math.sub(tf.constant(1f), samples), logZero));
    } else {
      perElement = tf.math.mul(samples, logSoftmaxLastAxis(tf, logits));
    }
    Operand<TInt32> exampleAxes = tf.range(tf.constant(2), tf.rank(perElement), tf.constant(1));
    return tf.reduceSum(perElement, exampleAxes);
  }

  /**
   * log softmax over the last axis of a tensor of any rank. TensorFlow's C++ gradient of
   * LogSoftmax sums over axis 1, which is only the class axis for 2-D input, so the op runs on a
   * [rows, K] view.
   */
  static Operand<TFloat32> logSoftmaxLastAxis(Ops tf, Operand<TFloat32> logits) {
    long categories = logits.shape().size(logits.shape().numDimensions() - 1);
    Operand<TFloat32> rows = tf.reshape(logits, tf.constant(new long[] {-1, categories}));
    return tf.reshape(tf.nn.logSoftmax(rows), tf.shape(logits));
  }

  /** The importance-weighted generator loss -E_z sum_m stopgrad(w~_m) log g(x_m | z); weights and log g are [M, B]. */
  public static Operand<TFloat32> importanceLoss(Ops tf, Operand<TFloat32> normalisedWeights, Operand<TFloat32> logG) {
    Operand<TFloat32> perZ = tf.reduceSum(tf.math.mul(tf.stopGradient(normalisedWeights), logG), tf.constant(0));
    return tf.math.neg(Reductions.mean(tf, perZ));
  }

  /** log (1/M) sum_m w_m for each z, from log w [M, B]: the log-partition estimate, [B]. */
  public static Operand<TFloat32> logPartition(Ops tf, Operand<TFloat32> logW, int samplesPerZ) {
    Operand<TFloat32> max = tf.max(logW, tf.constant(0));
    Operand<TFloat32> sum = tf.reduceSum(tf.math.exp(tf.math.sub(logW, max)), tf.constant(0));
    return tf.math.sub(tf.math.add(max, tf.math.log(sum)), tf.constant((float) Math.log(samplesPerZ)));
  }

  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    GraphContext graph = in.graph();
    Ops tf = graph.tf();
    Network g = networks.generator();
    Network d = networks.discriminator();
    Operand<TFloat32> logits = g.apply(in.z());
    long[] exampleShape = logits.shape().tail().asArray();
    long[] drawShape = new long[exampleShape.length + 2];
    drawShape[0] = samplesPerZ;
    drawShape[1] = in.batchSize();
    System.arraycopy(exampleShape, 0, drawShape, 2, exampleShape.length);
    Operand<TFloat32> fakeLogits;
    Operand<TFloat32> realLogits;
    Operand<TFloat32> logG;
    long[] flatShape = java.util.Arrays.copyOfRange(drawShape, 1, drawShape.length);
    flatShape[0] = (long) samplesPerZ * in.batchSize();
    if (kind == Kind.MULTINOMIAL && form == Form.INDICES) {
      // The discriminator reads samples and data as category indices (Network#applyToCategories): a
      // dense first layer then multiplies only the one-hot matrix's non-zero entries. Categorical
      // data (palette pixels, characters) is exactly one-hot, so its argmax is its category.
      int k = (int) exampleShape[exampleShape.length - 1];
      Operand<TInt32> categories = drawCategories(graph, logits, samplesPerZ);
      logG = logLikelihoodOfCategories(tf, logits, categories);
      long[] flatCategories = java.util.Arrays.copyOf(flatShape, flatShape.length - 1);
      fakeLogits = d.applyToCategories(tf.reshape(categories, tf.constant(flatCategories)), k);
      realLogits = d.applyToCategories(tf.math.argMax(in.real(), tf.constant(-1), TInt32.class), k);
    } else if (kind == Kind.MULTINOMIAL && form == Form.ONE_HOT) {
      Operand<TInt32> categories = drawCategories(graph, logits, samplesPerZ);
      Operand<TFloat32> x = tf.oneHot(categories, tf.constant((int) exampleShape[exampleShape.length - 1]),
          tf.constant(1f), tf.constant(0f));
      logG = logLikelihoodOfCategories(tf, logits, categories);
      fakeLogits = d.apply(tf.reshape(x, tf.constant(flatShape)));
      realLogits = d.apply(in.real());
    } else {
      Operand<TFloat32> x = draw(tf, kind, logits, graph.uniform(tf.constant(drawShape)));
      logG = logLikelihood(tf, kind, logits, x);
      fakeLogits = d.apply(tf.reshape(x, tf.constant(flatShape)));
      realLogits = d.apply(in.real());
    }
    fakeLogits = tf.reshape(fakeLogits, tf.constant(new long[] {samplesPerZ, in.batchSize()}));
    Operand<TFloat32> dLoss = divergence.discriminatorLoss(tf, realLogits, fakeLogits);
    Map<String, Operand<TFloat32>> dMetrics = new HashMap<>();
    if (penaltyWeight > 0) {
      // The index form's logits carry no gradient to the one-hot data, so the penalty takes a dense pass.
      Operand<TFloat32> denseRealLogits = kind == Kind.MULTINOMIAL && form == Form.INDICES ? d.apply(in.real()) : realLogits;
      dLoss = Bgan.withRealGradientPenalty(graph, dLoss, penaltyWeight, denseRealLogits, in.real(), dMetrics);
    }

    Operand<TFloat32> logW = tf.stopGradient(divergence.logWeights(tf, fakeLogits));
    Operand<TFloat32> logZ = logPartition(tf, logW, samplesPerZ);
    Operand<TFloat32> gLoss;
    ReinforceBaseline baseline = null;
    Operand<TFloat32> reward = null;
    if (estimator == Estimator.IMPORTANCE) {
      gLoss = importanceLoss(tf, divergence.normalisedWeights(tf, fakeLogits), logG);
    } else {
      baseline = ReinforceBaseline.of(graph, baselineDecay);
      // r = stopgrad(log w - b); L_G = -E[r log g].
      reward = baseline.reward(tf, logW);
      gLoss = tf.math.neg(Reductions.mean(tf, tf.math.mul(reward, logG)));
    }
    Operand<TFloat32> accuracy = tf.math.div(tf.math.add(
        Reductions.mean(tf, tf.dtypes.cast(tf.math.greater(realLogits, tf.constant(0f)), TFloat32.class)),
        Reductions.mean(tf, tf.dtypes.cast(tf.math.lessEqual(fakeLogits, tf.constant(0f)), TFloat32.class))), tf.constant(2f));

    dMetrics.putAll(Map.of("loss", dLoss, "accuracy", accuracy, "learning_rate", discriminatorOptimizer.learningRate(graph)));
    TrainPhase discriminator = new TrainPhase("discriminator", d, dMetrics,
        discriminatorOptimizer.minimize(graph, "D_optimizer", dLoss, d), true);
    Op generatorUpdate = generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g);
    if (baseline != null) {
      generatorUpdate = baseline.after(graph, generatorUpdate, reward, Reductions.mean(tf, logZ));
    }
    TrainPhase generator = new TrainPhase("generator", g,
        Map.of("loss", gLoss, "log_partition", Reductions.mean(tf, logZ), "learning_rate", generatorOptimizer.learningRate(graph)),
        generatorUpdate, false);
    return new ObjectiveGraph(List.of(discriminator, generator),
        Schedule.criticThenGenerator(discriminator, generator, iteration -> 1));
  }
}
