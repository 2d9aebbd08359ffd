package org.jgan.graphs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A network built once and applied many times with shared variables (a critic on real, fake and
 * interpolated batches). It owns its variable list, so optimisers and weight clipping can be
 * restricted to it.
 *
 * <p>Variables are named {@code <network>/<layer index>_<kind>/<name>}, and a layer nested with
 * {@link LayerContext#apply(Layer, Operand)} adds its own {@code /<k>_<kind>}; the names depend only
 * on the network's structure, so a generator-only graph restores from a full training checkpoint.
 * Applying the network again is the one way to share its variables.
 */
public final class Network {
  private final String name;
  private final GraphContext graph;
  private final List<Layer> layers;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final List<Variable<TFloat32>> trainable = new ArrayList<>();
  private final List<Op> updates = new ArrayList<>();
  private int applications;

  /** A network applying {@code layers} in order. */
  public Network(String name, GraphContext graph, List<Layer> layers) {
    this.name = name;
    this.graph = graph;
    this.layers = List.copyOf(layers);
  }

  /** Shorthand for {@code new Network(name, graph, List.of(layers))}. */
  public static Network of(String name, GraphContext graph, Layer... layers) {
    return new Network(name, graph, List.of(layers));
  }

  /** The network's name, also the scope of its variables. */
  public String name() {
    return name;
  }

  /** Applies the network to {@code x}; the first call creates its variables. */
  public Operand<TFloat32> apply(Operand<TFloat32> x) {
    return applyLayers(x, 0, layers.size());
  }

  /**
   * Applies only layers {@code from} (inclusive) to {@code to} (exclusive) to {@code x}, with the
   * variables of the whole network: an auto-encoder's code is {@code applyLayers(x, 0, k)} and its
   * reconstruction {@code applyLayers(code, k, layers().size())}. The whole network must have been
   * applied once first, so that every variable exists.
   */
  public Operand<TFloat32> applyLayers(Operand<TFloat32> x, int from, int to) {
    return applyLayers(x, from, to, null);
  }

  /**
   * Applies the network to one-hot input given as category indices {@code categories} [N, ...],
   * each in [0, k): the same as {@code apply(oneHot(categories, k))} up to float summation order.
   * When the first layer is a {@link CategoricalInput} it reads the indices itself, so the one-hot
   * tensor is never multiplied densely; otherwise the one-hot tensor is made and applied.
   */
  public Operand<TFloat32> applyToCategories(Operand<TInt32> categories, int k) {
    if (!(layers.get(0) instanceof CategoricalInput first)) {
      Ops tf = graph.tf();
      return apply(tf.oneHot(categories, tf.constant(k), tf.constant(1f), tf.constant(0f)));
    }
    return applyLayers(null, 0, layers.size(), context -> first.applyToCategories(context, categories, k));
  }

  /** {@link #applyLayers(Operand, int, int)}, the layer {@code from} replaced by {@code firstLayer} when given. */
  private Operand<TFloat32> applyLayers(Operand<TFloat32> x, int from, int to,
      Function<LayerContext, Operand<TFloat32>> firstLayer) {
    if (from < 0 || to > layers.size() || from > to) {
      throw new IllegalArgumentException("layers [" + from + ", " + to + ") of network '" + name + "' with "
          + layers.size() + " layers");
    }
    boolean first = applications == 0;
    if (first && (from != 0 || to != layers.size())) {
      throw new IllegalStateException("network '" + name + "' must be applied whole before a part of it is");
    }
    applications++;
    Ops tf = graph.tf().withSubScope(name + "_apply");
    Operand<TFloat32> h = x;
    for (int i = from; i < to; i++) {
      Layer layer = layers.get(i);
      String prefix = name + "/" + i + "_" + layer.kind();
      Context context = new Context(tf.withSubScope(i + "_" + layer.kind()), prefix, first);
      h = i == from && firstLayer != null ? firstLayer.apply(context) : layer.apply(context, h);
    }
    return h;
  }

  /** The layers, in the order they are applied. */
  public List<Layer> layers() {
    return layers;
  }

  /** Variables the optimiser of this network updates, in creation order. */
  public List<Variable<TFloat32>> trainableVariables() {
    requireBuilt();
    return Collections.unmodifiableList(trainable);
  }

  /** All variables of this network, trainable or not, in creation order. */
  public List<Variable<TFloat32>> variables() {
    requireBuilt();
    return List.copyOf(variables.values());
  }

  /** Ops to run with each training step (batch-norm moving averages of the first application). */
  public List<Op> updateOps() {
    return Collections.unmodifiableList(updates);
  }

  private void requireBuilt() {
    if (applications == 0) {
      throw new IllegalStateException("network '" + name + "' has no variables until it is applied once");
    }
  }

  private final class Context implements LayerContext {
    private final Ops tf;
    private final String prefix;
    private final boolean first;
    /** The variable names this layer asked for in this application. */
    private final Set<String> requested = new HashSet<>();
    private int nestedLayers;

    Context(Ops tf, String prefix, boolean first) {
      this.tf = tf;
      this.prefix = prefix;
      this.first = first;
    }

    @Override
    public Ops tf() {
      return tf;
    }

    @Override
    public GraphContext graph() {
      return graph;
    }

    @Override
    public Variable<TFloat32> variable(String variable, Shape shape, Initializer init, long fanIn, long fanOut,
        boolean isTrainable) {
      String fullName = prefix + "/" + variable;
      if (!requested.add(variable)) {
        // Two layers called directly inside this one, each asking for its own "kernel".
        throw new IllegalStateException("layer '" + prefix + "' asked for variable '" + variable
            + "' twice in one application, so two layers nested in it would share it; apply each nested layer"
            + " with context.apply(layer, x), which gives it its own scope");
      }
      Variable<TFloat32> existing = variables.get(fullName);
      if (existing != null) {
        return existing;
      }
      if (!first) {
        throw new IllegalStateException("layer asked for new variable '" + fullName
            + "' after the first application of network '" + name + "'");
      }
      Ops root = graph.tf();
      Operand<TFloat32> initial = init.initialValue(root.withInitScope(), shape, fanIn, fanOut,
          graph.initSeed(fullName));
      Variable<TFloat32> v = graph.named(fullName).variable(initial);
      variables.put(fullName, v);
      if (isTrainable) {
        trainable.add(v);
      }
      return v;
    }

    @Override
    public Operand<TFloat32> apply(Layer inner, Operand<TFloat32> x) {
      String scope = nestedLayers++ + "_" + inner.kind();
      return inner.apply(new Context(tf.withSubScope(scope), prefix + "/" + scope, first), x);
    }

    @Override
    public void addUpdate(Op update) {
      if (first) {
        updates.add(update);
      }
    }

    @Override
    public boolean firstApplication() {
      return first;
    }
  }
}
