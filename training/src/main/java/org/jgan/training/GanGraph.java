package org.jgan.training;

import java.util.EnumMap;
import java.util.Map;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.UnusedUpdateOps;
import org.jgan.losses.GanInputs;
import org.jgan.losses.GanNetworks;
import org.jgan.losses.ObjectiveGraph;
import org.jgan.losses.Role;
import org.jgan.losses.TrainPhase;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A complete training graph: networks, the objective's phases and a sampling head G(z) on a fed z.
 *
 * @param context the graph context (seed input, training flag)
 * @param networks the model's networks by role
 * @param real the real-batch input [batch, example shape...]
 * @param objective the objective's phases and schedule
 * @param zInput a z input of any batch size for sampling
 * @param samples the objective's samples from G(zInput), in inference mode; from the averaged generator
 *     when the model has a weight average
 * @param ema the generator weights' moving average, or null when the model has none
 */
public record GanGraph(GraphContext context, GanNetworks networks, Placeholder<TFloat32> real, ObjectiveGraph objective,
    Placeholder<TFloat32> zInput, Operand<TFloat32> samples, GeneratorEma ema) {

  /**
   * Builds the training graph of {@code spec} into {@code graph}. An objective that leaves a
   * network's update ops (batch-norm moving statistics) out of every train op is refused with an
   * IllegalStateException naming the network and the op.
   */
  public static GanGraph build(Graph graph, ModelSpec spec) {
    GraphContext ctx = new GraphContext(graph, spec.seed());
    GanNetworks networks = networks(ctx, spec);
    Placeholder<TFloat32> real = realInput(ctx, spec);
    Operand<TFloat32> z = spec.prior().sample(ctx, spec.batchSize());
    ObjectiveGraph objective = spec.objective().build(
        new GanInputs(ctx, real, z, spec.prior(), spec.batchSize()), networks);
    return withSamplingHead(ctx, spec, networks, real, objective);
  }

  /** The networks of {@code spec}, not yet applied (no variables yet). */
  static GanNetworks networks(GraphContext ctx, ModelSpec spec) {
    Map<Role, Network> byRole = new EnumMap<>(Role.class);
    spec.networkLayers().forEach((role, layers) -> byRole.put(role, new Network(role.scope(), ctx, layers)));
    return new GanNetworks(byRole);
  }

  /** The real-batch input "real", [batch, example shape...]. */
  static Placeholder<TFloat32> realInput(GraphContext ctx, ModelSpec spec) {
    long[] realShape = new long[spec.exampleShape().length + 1];
    realShape[0] = spec.batchSize();
    for (int i = 0; i < spec.exampleShape().length; i++) {
      realShape[i + 1] = spec.exampleShape()[i];
    }
    return ctx.tf().withName("real").placeholder(TFloat32.class, Placeholder.shape(Shape.of(realShape)));
  }

  /**
   * The graph with a sampling head G(z) on a fed z (from the weight average, when the model has one)
   * added to the networks and objective built, once every network's update ops are known to be
   * attached to a train op.
   */
  static GanGraph withSamplingHead(GraphContext ctx, ModelSpec spec, GanNetworks networks, Placeholder<TFloat32> real,
      ObjectiveGraph objective) {
    UnusedUpdateOps.check(networks.all().values(), objective.phases().stream().map(TrainPhase::step).toList());
    Placeholder<TFloat32> zInput = ctx.tf().withName("z").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, spec.prior().dimension())));
    Network sampler = spec.usesEma() ? new Network(GeneratorEma.NETWORK, ctx, networks.generator().layers())
        : networks.generator();
    Operand<TFloat32> samples = spec.objective().samples(ctx.tf(), sampler.apply(zInput));
    // Among towers the average is state like the weights it follows: on the state device.
    GeneratorEma ema = spec.usesEma()
        ? ctx.onStateDevice(() -> GeneratorEma.of(ctx, networks.generator(), sampler, spec.emaDecay())) : null;
    return new GanGraph(ctx, networks, real, objective, zInput, samples, ema);
  }
}
