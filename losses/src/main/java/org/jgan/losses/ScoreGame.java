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
 * The plumbing shared by objectives that differ only in their losses on the discriminator's raw
 * scores of a real batch, D(x), and of generated samples, D(G(z)): n discriminator updates, then one
 * generator update, each network updated by {@link Optimizer#minimize(GraphContext, String, Operand, Network)}
 * (its update ops included). An objective of this kind writes its two losses and calls
 * {@link #alternating}; least-squares, hinge and relativistic average GANs are built this way.
 */
public final class ScoreGame {
  private ScoreGame() {}

  /** A loss of the discriminator's scores of the real batch and of the generated samples. */
  @FunctionalInterface
  public interface Loss {
    Operand<TFloat32> of(Ops tf, Operand<TFloat32> realScores, Operand<TFloat32> fakeScores);
  }

  /**
   * The discriminator's and the generator's phases and their schedule.
   *
   * @param generatorReadsReal whether the generator's loss uses the real scores too (so its step
   *     needs a real batch), as a relativistic loss does
   */
  public static ObjectiveGraph alternating(GanInputs in, GanNetworks networks, int discriminatorSteps,
      Optimizer discriminatorOptimizer, Loss discriminatorLoss, Optimizer generatorOptimizer, Loss generatorLoss,
      boolean generatorReadsReal) {
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
    return new ObjectiveGraph(List.of(discriminator, generator),
        Schedule.criticThenGenerator(discriminator, generator, iteration -> discriminatorSteps));
  }
}
