package org.jgan.losses;

import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The base of objectives that differ only in their losses on the discriminator's raw scores of a
 * real batch, D(x), and of generated samples, D(G(z)): n discriminator updates, then one generator
 * update, each network updated by {@link Optimizer#minimize(GraphContext, String, Operand, Network)}
 * (its update ops included). A subclass writes its two losses as functions of the scores and passes
 * them up; least-squares, hinge and relativistic average GANs are built this way.
 */
public abstract class ScoreGame implements Objective {
  /** A loss of the discriminator's scores of the real batch and of the generated samples. */
  @FunctionalInterface
  public interface Loss {
    Operand<TFloat32> of(Ops tf, Operand<TFloat32> realScores, Operand<TFloat32> fakeScores);
  }

  private final ObjectiveType type;
  private final int discriminatorSteps;
  private final Optimizer discriminatorOptimizer;
  private final Loss discriminatorLoss;
  private final Optimizer generatorOptimizer;
  private final Loss generatorLoss;
  private final boolean generatorReadsReal;

  /**
   * An objective named by {@code type} with n discriminator steps per generator step.
   *
   * @param generatorReadsReal whether the generator's loss uses the real scores too (so its step
   *     needs a real batch), as a relativistic loss does
   */
  protected ScoreGame(ObjectiveType type, int discriminatorSteps, Optimizer discriminatorOptimizer,
      Loss discriminatorLoss, Optimizer generatorOptimizer, Loss generatorLoss, boolean generatorReadsReal) {
    if (discriminatorSteps < 1) {
      throw new IllegalArgumentException("discriminator steps " + discriminatorSteps + " must be at least 1");
    }
    this.type = type;
    this.discriminatorSteps = discriminatorSteps;
    this.discriminatorOptimizer = discriminatorOptimizer;
    this.discriminatorLoss = discriminatorLoss;
    this.generatorOptimizer = generatorOptimizer;
    this.generatorLoss = generatorLoss;
    this.generatorReadsReal = generatorReadsReal;
  }

  @Override
  public String name() {
    return type.name();
  }

  /** The discriminator's and the generator's phases and their schedule. */
  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    GraphContext graph = in.graph();
    Ops tf = graph.tf();
    Network g = networks.generator();
    Network d = networks.discriminator();
    Operand<TFloat32> fakeScores = d.apply(g.apply(in.z()));
    Operand<TFloat32> realScores = d.apply(in.real());
    Operand<TFloat32> dLoss = discriminatorLoss.of(tf, realScores, fakeScores);
    Operand<TFloat32> gLoss = generatorLoss.of(tf, realScores, fakeScores);

    TrainPhase discriminator = new TrainPhase("discriminator", d,
        Map.of("loss", dLoss, "d_real", Reductions.mean(tf, realScores), "d_fake", Reductions.mean(tf, fakeScores),
            "learning_rate", discriminatorOptimizer.learningRate(graph)),
        discriminatorOptimizer.minimize(graph, "D_optimizer", dLoss, d), true);
    TrainPhase generator = new TrainPhase("generator", g,
        Map.of("loss", gLoss, "learning_rate", generatorOptimizer.learningRate(graph)),
        generatorOptimizer.minimize(graph, "G_optimizer", gLoss, g), generatorReadsReal);
    int steps = discriminatorSteps;
    return new ObjectiveGraph(List.of(discriminator, generator),
        Schedule.criticThenGenerator(discriminator, generator, iteration -> steps));
  }
}
