package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Network;
import org.jgan.graphs.Reductions;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.BatchNorm;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.models.Architecture;
import org.jgan.graphs.optim.Adam;
import org.jgan.losses.GanInputs;
import org.jgan.losses.GanNetworks;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objective;
import org.jgan.losses.ObjectiveGraph;
import org.jgan.losses.Objectives;
import org.jgan.losses.Schedule;
import org.jgan.losses.TrainPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A training graph refuses an objective that leaves a network's batch-norm updates out of its train ops. */
class UnusedUpdateOpsTest {
  /** Tiny networks, each with batch norm (none in the critic when the objective forbids it). */
  private record BatchNormMlp(boolean criticBatchNorm) implements Architecture {
    @Override
    public String name() {
      return "bn-mlp";
    }

    private static List<Layer> net(int out, boolean batchNorm) {
      return batchNorm ? List.of(new Dense(8), new BatchNorm(), Activation.relu(), new Dense(out))
          : List.of(new Dense(8), Activation.relu(), new Dense(out));
    }

    @Override
    public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
      return List.of(new Dense(8), new BatchNorm(), Activation.relu(), new Dense(Architecture.size(exampleShape)), output);
    }

    @Override
    public List<Layer> discriminator(int[] exampleShape) {
      return net(1, criticBatchNorm);
    }

    @Override
    public List<Layer> encoder(int[] exampleShape, int codeDim) {
      return net(codeDim, true);
    }

    @Override
    public List<Layer> codeDiscriminator(int codeDim) {
      return net(1, true);
    }
  }

  /** The non-saturating GAN as a user would first write it: optimizer.minimize over each network's variables. */
  private record ObviousGan() implements Objective {
    @Override
    public String name() {
      return "obvious-gan";
    }

    @Override
    public ObjectiveGraph build(GanInputs in, GanNetworks networks) {
      GraphContext graph = in.graph();
      Ops tf = graph.tf();
      Network g = networks.generator();
      Network d = networks.discriminator();
      Operand<TFloat32> fakeLogits = d.apply(g.apply(in.z()));
      Operand<TFloat32> realLogits = d.apply(in.real());
      Operand<TFloat32> dLoss = tf.math.add(Reductions.mean(tf, tf.math.softplus(tf.math.neg(realLogits))),
          Reductions.mean(tf, tf.math.softplus(fakeLogits)));
      Operand<TFloat32> gLoss = Reductions.mean(tf, tf.math.softplus(tf.math.neg(fakeLogits)));
      TrainPhase discriminator = new TrainPhase("discriminator", d, Map.of("loss", dLoss),
          new Adam(2e-4f, 0.5f, 0.999f).minimize(graph, "D_optimizer", dLoss, d.trainableVariables()), true);
      TrainPhase generator = new TrainPhase("generator", g, Map.of("loss", gLoss),
          new Adam(2e-4f, 0.5f, 0.999f).minimize(graph, "G_optimizer", gLoss, g.trainableVariables()), false);
      return new ObjectiveGraph(List.of(discriminator, generator),
          Schedule.criticThenGenerator(discriminator, generator, iteration -> 1));
    }
  }

  private static ModelSpec spec(Objective objective, boolean criticBatchNorm) {
    return new ModelSpec(objective, new BatchNormMlp(criticBatchNorm), new int[] {4}, Activation.identity(),
        NoisePrior.normal(2), 8, 1);
  }

  @Test
  void anObjectiveThatDropsTheBatchNormUpdatesIsRefusedNamingTheNetworkAndOp() {
    try (Graph graph = new Graph()) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> GanGraph.build(graph, spec(new ObviousGan(), true)));
      String message = e.getMessage();
      assertTrue(message.startsWith("network 'G': update op 'G_apply/1_batchnorm/"), message);
      assertTrue(message.contains("Optimizer.minimize(graph, name, loss, network)"), message);
      assertFalse(message.contains("\n"), "one line: " + message);
    }
  }

  static List<String> stockObjectives() {
    return Objectives.NAMES;
  }

  @ParameterizedTest
  @MethodSource("stockObjectives")
  void stockObjectivesRunEveryUpdateOp(String name) {
    Objective objective = Objectives.named(name);
    try (Graph graph = new Graph()) {
      // WGAN-GP forbids a batch-norm critic; every other network here has batch norm.
      GanGraph model = GanGraph.build(graph, spec(objective, !name.equals("wgan-gp")));
      long networksWithUpdates = model.networks().all().values().stream().filter(n -> !n.updateOps().isEmpty()).count();
      assertEquals(model.networks().all().size() - (name.equals("wgan-gp") ? 1 : 0), networksWithUpdates,
          "each batch-normalised network registered its updates");
    }
  }
}
