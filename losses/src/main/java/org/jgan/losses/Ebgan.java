package org.jgan.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Layer;
import org.jgan.graphs.LayerContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Energy-based GAN (Zhao et al. 2016). The discriminator is an auto-encoder whose energy is the
 * reconstruction error D(x) = ||Dec(Enc(x)) - x|| (Section 2.3); Eq. 1 and 2:
 * L_D = D(x) + [m - D(G(z))]^+, L_G = D(G(z)), plus w_PT times the pulling-away term of
 * Section 2.4 on the encoder's codes of generated samples.
 *
 * <p>The norm is the per-example Euclidean norm (not squared, not averaged over pixels), the
 * paper's ||.|| read literally, so the margin m is in the same units as the norm; many
 * reimplementations use the per-pixel mean squared error instead, for which m = 10 would never be
 * reached. The auto-encoder's code has the generator's z dimension.
 */
public final class Ebgan implements Objective {
  /** m, the energy margin. */
  public static final float MARGIN = 10f;
  /** w_PT, the pulling-away-term weight. */
  public static final float PULLING_AWAY_WEIGHT = 0.1f;
  /** DCGAN's Adam learning rate, 2e-4. */
  public static final float LEARNING_RATE = 2e-4f;
  /** Adam's beta1. */
  public static final float BETA1 = 0.5f;
  /** Adam's beta2. */
  public static final float BETA2 = 0.999f;
  /** {@code ebgan}. */
  public static final ObjectiveType TYPE = ObjectiveType.of("ebgan", Ebgan::fromOptions)
      .taking(Hyperparameter.MARGIN, Hyperparameter.PULLING_AWAY_WEIGHT);
  /** Inside the square root so that a perfect reconstruction has a finite norm gradient. */
  public static final float NORM_EPSILON = 1e-8f;

  /**
   * Marks the end of the encoder in the discriminator's layers: its input (and output) is the code
   * the pulling-away term is computed on.
   */
  static final Layer CODE = new Layer() {
    @Override
    public Operand<TFloat32> apply(LayerContext context, Operand<TFloat32> x) {
      return x;
    }

    @Override
    public String kind() {
      return "code";
    }
  };

  private final float margin;
  private final float pullingAwayWeight;
  private final Optimizer discriminatorOptimizer;
  private final Optimizer generatorOptimizer;

  /**
   * @param margin m, the energy above which generated samples no longer push the discriminator
   * @param pullingAwayWeight w_PT (0 turns the pulling-away term off)
   */
  public Ebgan(float margin, float pullingAwayWeight, Optimizer discriminatorOptimizer, Optimizer generatorOptimizer) {
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("margin " + margin + " must be non-negative");
    }
    if (!(pullingAwayWeight >= 0)) {
      throw new IllegalArgumentException("pulling-away weight " + pullingAwayWeight + " must be non-negative");
    }
    this.margin = margin;
    this.pullingAwayWeight = pullingAwayWeight;
    this.discriminatorOptimizer = discriminatorOptimizer;
    this.generatorOptimizer = generatorOptimizer;
  }

  /** m = 10, w_PT = 0.1 and DCGAN's Adam(2e-4, 0.5) for both networks. */
  public Ebgan() {
    this(MARGIN, PULLING_AWAY_WEIGHT, new Adam(LEARNING_RATE, BETA1, BETA2), new Adam(LEARNING_RATE, BETA1, BETA2));
  }

  /** The paper's settings with {@code options} over them. */
  static Ebgan fromOptions(ObjectiveOptions options) {
    return new Ebgan(ObjectiveOptions.or(options.margin(), MARGIN), ObjectiveOptions.or(options.ptWeight(), PULLING_AWAY_WEIGHT),
        options.adam(LEARNING_RATE, BETA1, BETA2), options.adam(LEARNING_RATE, BETA1, BETA2));
  }

  @Override
  public String name() {
    return TYPE.name();
  }

  public float margin() {
    return margin;
  }

  public float pullingAwayWeight() {
    return pullingAwayWeight;
  }

  /** The discriminator is the architecture's auto-encoder (encoder, then decoder) with the code marked. */
  @Override
  public List<Layer> layersFor(Role role, Architecture architecture, ModelShape shape) {
    if (role != Role.DISCRIMINATOR) {
      return Objective.super.layersFor(role, architecture, shape);
    }
    List<Layer> layers = new ArrayList<>(architecture.encoder(shape.exampleShape(), shape.zDim()));
    layers.add(CODE);
    layers.addAll(architecture.decoder(shape.zDim(), shape.exampleShape()));
    return layers;
  }

  /** Section 2.3: the energy D(x) = ||Dec(Enc(x)) - x||_2 of each example, shape [N]. */
  public static Operand<TFloat32> energy(Ops tf, Operand<TFloat32> x, Operand<TFloat32> reconstruction) {
    Operand<TFloat32> squared = tf.math.squaredDifference(reconstruction, x);
    Operand<TInt32> nonBatchAxes = tf.range(tf.constant(1), tf.rank(squared), tf.constant(1));
    return tf.math.sqrt(tf.math.add(tf.reduceSum(squared, nonBatchAxes), tf.constant(NORM_EPSILON)));
  }

  /** Eq. 1: L_D = E[D(x)] + E[[m - D(G(z))]^+], from per-example energies. */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realEnergy, Operand<TFloat32> fakeEnergy,
      float margin) {
    Operand<TFloat32> hinge = tf.math.maximum(tf.math.sub(tf.constant(margin), fakeEnergy), tf.constant(0f));
    return tf.math.add(Reductions.mean(tf, realEnergy), Reductions.mean(tf, hinge));
  }

  /** Eq. 2 with Section 2.4's regulariser: L_G = E[D(G(z))] + w_PT * PT(S). */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeEnergy, Operand<TFloat32> fakeCodes,
      float pullingAwayWeight) {
    return tf.math.add(Reductions.mean(tf, fakeEnergy), tf.math.mul(tf.constant(pullingAwayWeight), pullingAway(tf, fakeCodes)));
  }

  /**
   * Section 2.4, the pulling-away term on a batch of codes S [N, ...]:
   * PT = 1/(N(N-1)) sum_{i != j} (S_i . S_j / (||S_i|| ||S_j||))^2, the mean squared cosine
   * similarity over ordered pairs of distinct examples. Needs N >= 2.
   */
  public static Operand<TFloat32> pullingAway(Ops tf, Operand<TFloat32> codes) {
    Operand<TInt32> n = tf.gather(tf.shape(codes), tf.constant(0), tf.constant(0));
    Operand<TFloat32> s = tf.reshape(codes, tf.stack(List.of(n, tf.constant(-1))));
    Operand<TFloat32> norms = tf.math.sqrt(tf.math.add(
        tf.reduceSum(tf.math.square(s), tf.constant(1), ReduceSum.keepDims(true)),
        tf.constant(NORM_EPSILON)));
    Operand<TFloat32> unit = tf.math.div(s, norms);
    Operand<TFloat32> cosines = tf.linalg.matMul(unit, unit, MatMul.transposeB(true));
    // The diagonal holds each code's cosine with itself (1, or 0 for a zero code): leave it out.
    Operand<TFloat32> all = tf.reduceSum(tf.math.square(cosines), tf.constant(new int[] {0, 1}));
    Operand<TFloat32> self = tf.reduceSum(tf.math.square(tf.reduceSum(tf.math.square(unit), tf.constant(1))),
        tf.constant(0));
    Operand<TFloat32> count = tf.dtypes.cast(tf.math.mul(n, tf.math.sub(n, tf.constant(1))), TFloat32.class);
    return tf.math.div(tf.math.sub(all, self), count);
  }

  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    GraphContext graph = in.graph();
    Ops tf = graph.tf();
    Network g = networks.generator();
    Network d = networks.discriminator();
    int code = d.layers().indexOf(CODE) + 1;
    if (code == 0) {
      throw new IllegalStateException("the EBGAN discriminator must be built from Ebgan.layersFor (no code marker)");
    }
    Operand<TFloat32> fake = g.apply(in.z());
    Operand<TFloat32> realEnergy = energy(tf, in.real(), d.apply(in.real()));
    Operand<TFloat32> fakeCodes = d.applyLayers(fake, 0, code);
    Operand<TFloat32> fakeEnergy = energy(tf, fake, d.applyLayers(fakeCodes, code, d.layers().size()));

    Operand<TFloat32> dLoss = discriminatorLoss(tf, realEnergy, fakeEnergy, margin);
    Operand<TFloat32> gLoss = generatorLoss(tf, fakeEnergy, fakeCodes, pullingAwayWeight);

    TrainPhase discriminator = new TrainPhase("discriminator", d,
        Map.of("loss", dLoss, "energy_real", Reductions.mean(tf, realEnergy), "energy_fake", Reductions.mean(tf, fakeEnergy)),
        discriminatorOptimizer.minimize(graph, "D_optimizer", dLoss, d), true);
    TrainPhase generator = new TrainPhase("generator", g,
        Map.of("loss", gLoss, "pulling_away", pullingAway(tf, fakeCodes)),
        generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g), false);
    return new ObjectiveGraph(List.of(discriminator, generator),
        Schedule.criticThenGenerator(discriminator, generator, iteration -> 1));
  }
}
