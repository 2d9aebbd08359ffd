package org.jgan.graphs.optim;

import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Gradients;
import org.jgan.graphs.Initializer;
import org.jgan.graphs.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A first-order optimiser whose update op touches only the variables it is given: in a GAN each
 * network has its own optimiser over its own variables.
 *
 * <p>Slot variables are named {@code <optimizer name>/<variable>/<slot>}, so checkpoints do not
 * depend on the order in which optimisers are built.
 */
public abstract class Optimizer {
  private boolean linearDecay;
  private ExponentialDecay exponentialDecay;
  /** The graph {@link #updates} lives in: an optimiser may be built into several graphs in turn. */
  private GraphContext countedGraph;
  private Variable<TInt64> updates;
  private GraphContext decayedGraph;
  private Operand<TFloat32> decayedRate;

  /** The base learning rate. */
  public abstract float learningRate();

  /**
   * Makes the learning rate fall linearly from its base value at the start of training to zero
   * at the end, following the graph's progress input. Returns this optimiser.
   */
  public Optimizer withLinearDecay() {
    linearDecay = true;
    return this;
  }

  /** Whether the learning rate decays linearly to zero over the run. */
  public boolean linearDecay() {
    return linearDecay;
  }

  /**
   * Divides the learning rate by {@code decay.factor()} after every update this optimiser applies,
   * down to {@code decay.floor()}. Returns this optimiser.
   */
  public Optimizer withExponentialDecay(ExponentialDecay decay) {
    this.exponentialDecay = decay;
    return this;
  }

  /** The per-update exponential decay, or null. */
  public ExponentialDecay exponentialDecay() {
    return exponentialDecay;
  }

  /**
   * The learning rate as an operand: constant, decayed by the graph's training progress, or
   * decayed by the number of updates applied so far.
   */
  public Operand<TFloat32> learningRate(GraphContext graph) {
    Ops tf = graph.tf();
    Operand<TFloat32> base = tf.constant(learningRate());
    if (exponentialDecay != null) {
      // One op per graph, shared by the update and any metric: a second read of the update count
      // could run after the increment and report the next update's rate.
      if (decayedGraph != graph) {
        decayedRate = exponentialDecay.rate(tf, base, updateCount(graph));
        decayedGraph = graph;
      }
      return decayedRate;
    }
    if (!linearDecay) {
      return base;
    }
    Operand<TFloat32> remaining = tf.math.maximum(tf.math.sub(tf.constant(1f), graph.progressInput()), tf.constant(0f));
    return tf.math.mul(base, remaining);
  }

  /**
   * Builds the update op of {@code network}: one step lowering {@code loss} along the gradients
   * with respect to that network's trainable variables only (never another network's), with the
   * network's update ops (batch-norm moving statistics of its first application) run as control
   * dependencies of the step. This is the way to train a network; {@link #minimize(GraphContext,
   * String, Operand, List)} over {@code network.trainableVariables()} would leave its moving
   * statistics at their initial values, which a training graph refuses (its networks' update
   * ops must all be attached to a train op).
   *
   * @param name the optimiser's name: the prefix of its gradient and update ops and of its slot
   *     variables in checkpoints ({@code "D_optimizer"}, {@code "G_optimizer"})
   */
  public final Op minimize(GraphContext graph, String name, Operand<TFloat32> loss, Network network) {
    Op update = minimize(graph, name, loss, network.trainableVariables());
    if (network.updateOps().isEmpty()) {
      return update;
    }
    List<Op> all = new ArrayList<>(network.updateOps());
    all.add(update);
    return graph.tf().withControlDependencies(all).noOp();
  }

  /**
   * Builds the op applying one update that lowers {@code loss} over {@code variables}. To train a
   * {@link Network}, use {@link #minimize(GraphContext, String, Operand, Network)}, which also
   * runs its update ops.
   */
  public final Op minimize(GraphContext graph, String name, Operand<TFloat32> loss, List<Variable<TFloat32>> variables) {
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("optimizer '" + name + "' was given no variables");
    }
    List<Operand<TFloat32>> grads = Gradients.of(graph, name + "_gradients", loss, variables);
    // Among towers, only the last one's update applies (everyone's averaged gradients); see TowerGradients.
    java.util.Optional<List<List<Operand<TFloat32>>>> ready =
        graph.towerGradients().toApply(graph, List.of(loss), List.of(grads));
    if (ready.isEmpty()) {
      return graph.tf().noOp();
    }
    return graph.onStateDevice(() -> applyGradients(graph, name, variables, ready.get().get(0)));
  }

  /**
   * The gradients, each available only once all of them and the loss are computed. Variables are updated in
   * place, so an update that ran while another gradient still read the old weights would make
   * the result depend on thread timing; this ordering keeps every run bit-identical.
   */
  static List<Operand<TFloat32>> afterAll(GraphContext graph, List<Operand<TFloat32>> grads, Operand<TFloat32> loss) {
    return afterAll(graph, List.of(loss), List.of(grads)).get(0);
  }

  /**
   * Several networks' gradients, each available only once every one of them and every loss is
   * computed: updates built on these all read the weights of before the step (simultaneous
   * gradient descent), whatever order the threads run them in.
   */
  public static List<List<Operand<TFloat32>>> afterAll(GraphContext graph, List<Operand<TFloat32>> losses,
      List<List<Operand<TFloat32>>> gradients) {
    Ops tf = graph.tf();
    List<Op> computed = new ArrayList<>();
    for (Operand<TFloat32> loss : losses) {
      computed.add(tf.identity(loss));
    }
    for (List<Operand<TFloat32>> grads : gradients) {
      for (Operand<TFloat32> g : grads) {
        computed.add(tf.identity(g));
      }
    }
    Ops ordered = tf.withControlDependencies(computed);
    List<List<Operand<TFloat32>>> result = new ArrayList<>();
    for (List<Operand<TFloat32>> grads : gradients) {
      List<Operand<TFloat32>> each = new ArrayList<>();
      for (Operand<TFloat32> g : grads) {
        each.add(ordered.identity(g));
      }
      result.add(each);
    }
    return result;
  }

  /** Builds the op applying {@code grads} to {@code variables}. */
  public abstract Op applyGradients(GraphContext graph, String name, List<Variable<TFloat32>> variables,
      List<Operand<TFloat32>> grads);

  /**
   * The number of updates this optimiser has applied in {@code graph}: an int64 variable (so it is
   * checkpointed and a resumed run continues its schedules), created on first use and incremented
   * by the op {@link #finish} builds, after every variable update has run.
   */
  protected final Variable<TInt64> updateCount(GraphContext graph) {
    if (countedGraph != graph) {
      Ops tf = graph.tf();
      updates = graph.named(graph.uniqueName("optimizer_updates")).variable(tf.withInitScope().constant(0L));
      countedGraph = graph;
    }
    return updates;
  }

  /**
   * Groups the variable updates into one op named {@code name} and, where a schedule reads the
   * update count, increments it once they have all run.
   */
  protected final Op finish(GraphContext graph, String name, List<Op> variableUpdates) {
    if (countedGraph != graph) {
      return group(graph, name, variableUpdates);
    }
    Op increment = graph.tf().withControlDependencies(new ArrayList<>(variableUpdates)).assignAdd(updates, graph.tf().constant(1L));
    return group(graph, name, List.of(increment));
  }

  /** A zero-initialised slot variable shaped like {@code variable}. */
  protected static Variable<TFloat32> slot(GraphContext graph, Variable<TFloat32> variable, String optimizer, String slot) {
    Ops tf = graph.tf();
    String name = optimizer + "/" + variable.op().name() + "/" + slot;
    Operand<TFloat32> zeros = Initializer.constant(0f).initialValue(tf.withInitScope(), variable.shape(), 0, 0, null);
    return graph.named(name).variable(zeros);
  }

  /** Groups update ops into one op. */
  protected static Op group(GraphContext graph, String name, List<Op> ops) {
    return graph.tf().withName(graph.uniqueName(name)).withControlDependencies(new ArrayList<>(ops)).noOp();
  }
}
