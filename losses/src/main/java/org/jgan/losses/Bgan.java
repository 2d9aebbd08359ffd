package org.jgan.losses;

import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.optim.Adam;
import org.jgan.graphs.optim.Optimizer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Boundary-seeking GAN for continuous data (Hjelm et al. 2017, the continuous-variable objective):
 * the discriminator is the usual GAN discriminator (binary cross-entropy, {@link Gan}); the
 * generator seeks the decision boundary D = 1/2 by minimising
 * 0.5 * E_z[(log D(G(z)) - log(1 - D(G(z))))^2] = 0.5 * E_z[V(G(z))^2], V the discriminator's
 * logit, so log D - log(1 - D) = V exactly and no probability is ever formed.
 */
public final class Bgan implements Objective {
  private final Optimizer discriminatorOptimizer;
  private final Optimizer generatorOptimizer;

  public Bgan(Optimizer discriminatorOptimizer, Optimizer generatorOptimizer) {
    this.discriminatorOptimizer = discriminatorOptimizer;
    this.generatorOptimizer = generatorOptimizer;
  }

  /** DCGAN's Adam(2e-4, 0.5) for both networks, as for the GAN objectives. */
  public Bgan() {
    this(new Adam(2e-4f, 0.5f, 0.999f), new Adam(2e-4f, 0.5f, 0.999f));
  }

  @Override
  public String name() {
    return "bgan";
  }

  /** Boundary-seeking generator loss: 0.5 * E[(log D(G(z)) - log(1 - D(G(z))))^2] = 0.5 * E[V^2]. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeLogits) {
    return tf.math.mul(tf.constant(0.5f), Gan.mean(tf, tf.math.square(fakeLogits)));
  }

  @Override
  public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
    GraphContext graph = in.graph();
    Ops tf = graph.tf();
    Network g = networks.generator();
    Network d = networks.discriminator();
    Operand<TFloat32> fake = g.apply(in.z());
    Operand<TFloat32> realLogits = d.apply(in.real());
    Operand<TFloat32> fakeLogits = d.apply(fake);

    Operand<TFloat32> dLoss = Gan.discriminatorLoss(tf, realLogits, fakeLogits);
    Operand<TFloat32> gLoss = generatorLoss(tf, fakeLogits);

    TrainPhase discriminator = new TrainPhase("discriminator", d,
        Map.of("loss", dLoss, "d_real", Gan.mean(tf, tf.math.sigmoid(realLogits)),
            "d_fake", Gan.mean(tf, tf.math.sigmoid(fakeLogits))),
        Steps.minimize(graph, "D_optimizer", discriminatorOptimizer, dLoss, d), true);
    TrainPhase generator = new TrainPhase("generator", g, Map.of("loss", gLoss),
        Steps.minimize(graph, "G_optimizer", generatorOptimizer, gLoss, g), false);
    return new ObjectiveGraph(List.of(discriminator, generator),
        Schedule.criticThenGenerator(discriminator, generator, iteration -> 1));
  }
}
