package org.jgan.graphs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * Everything a graph under construction shares: the graph, its op factory, the run seed, the
 * per-run random seed input and the training-mode flag.
 *
 * <p>All randomness inside the graph uses stateless random ops keyed by (run seed, run index) plus a
 * per-op offset, so a training step's random numbers depend only on which step it is: a resumed run
 * draws exactly what an uninterrupted one would. Variable initial values use constant stateless
 * seeds derived from the variable's name.
 */
public final class GraphContext {
  private final Graph graph;
  private final Ops tf;
  private final long seed;
  private final PlaceholderWithDefault<TInt64> runSeed;
  private final PlaceholderWithDefault<TBool> training;
  private final PlaceholderWithDefault<TFloat32> progress;
  private final Set<String> usedNames = new HashSet<>();
  private final Map<String, Ops> scopes = new HashMap<>();
  private int randomOps;

  /** A context over {@code graph} whose randomness all derives from {@code seed}. */
  public GraphContext(Graph graph, long seed) {
    SecondOrderGradients.register();
    this.graph = graph;
    this.tf = Ops.create(graph);
    this.seed = seed;
    this.runSeed = tf.withName("run_seed").placeholderWithDefault(tf.constant(new long[] {seed, 0}), Shape.of(2));
    this.training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    this.progress = tf.withName("progress").placeholderWithDefault(tf.constant(0f), Shape.scalar());
  }

  /** The graph under construction. */
  public Graph graph() {
    return graph;
  }

  /** The root op factory (no name scope). */
  public Ops tf() {
    return tf;
  }

  /** The run seed every random source derives from. */
  public long seed() {
    return seed;
  }

  /** The int64[2] input that keys all in-graph randomness; unfed it is (seed, 0). */
  public PlaceholderWithDefault<TInt64> runSeedInput() {
    return runSeed;
  }

  /** The scalar bool input that selects training behaviour (dropout, batch statistics); unfed it is false. */
  public Operand<TBool> trainingFlag() {
    return training;
  }

  /**
   * The scalar input telling how far training has gone, in [0, 1] (iterations done / planned);
   * unfed it is 0. Learning-rate decay reads it.
   */
  public Operand<TFloat32> progressInput() {
    return progress;
  }

  /** The value to feed to {@link #runSeedInput()} for the {@code runIndex}-th session run. */
  public TInt64 runSeedTensor(long runIndex) {
    return TInt64.vectorOf(seed, runIndex);
  }

  /** Standard normal samples of the given dynamic shape, fresh for every run index. */
  public Operand<TFloat32> normal(Operand<? extends TNumber> shape) {
    return tf.random.statelessRandomNormal(shape, nextRandomKey());
  }

  /** U[0, 1) samples of the given dynamic shape, fresh for every run index. */
  public Operand<TFloat32> uniform(Operand<? extends TNumber> shape) {
    return tf.random.statelessRandomUniform(shape, nextRandomKey());
  }

  /**
   * {@code samples} draws from each row of {@code logits} [rows, K] (a softmax over K categories),
   * as category indices [rows, samples], fresh for every run index. One op, which never
   * materialises a noise tensor of the logits' size times the sample count as Gumbel-max would.
   */
  public Operand<TInt32> categorical(Operand<TFloat32> logits, int samples) {
    return tf.random.statelessMultinomial(logits, tf.constant(samples), nextRandomKey(), TInt32.class);
  }

  /** A constant stateless seed for a variable's initial value, derived from the run seed and its name. */
  public Operand<TInt64> initSeed(String variableName) {
    long h = Names.hash(variableName);
    return tf.withInitScope().constant(new long[] {Names.mix(seed ^ h), Names.mix(h)});
  }

  /**
   * An op factory whose next op is named exactly {@code path} (segments separated by '/'), for
   * ops whose names must be stable across graphs: variables, optimiser slots and counters.
   */
  public Ops named(String path) {
    int cut = path.lastIndexOf('/');
    return cut < 0 ? tf.withName(path) : scope(path.substring(0, cut)).withName(path.substring(cut + 1));
  }

  /** The op factory for name scope {@code path}, created once and reused so the scope keeps its name. */
  public Ops scope(String path) {
    Ops cached = scopes.get(path);
    if (cached == null) {
      int cut = path.lastIndexOf('/');
      Ops parent = cut < 0 ? tf : scope(path.substring(0, cut));
      cached = parent.withSubScope(path.substring(cut + 1));
      scopes.put(path, cached);
    }
    return cached;
  }

  /** A graph-unique name built from {@code base}: {@code base}, then {@code base_1}, {@code base_2}, ... */
  public String uniqueName(String base) {
    String name = base;
    for (int i = 1; !usedNames.add(name) || graph.operation(name) != null; i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private Operand<TInt64> nextRandomKey() {
    long offset = Names.mix(++randomOps * 0x9e3779b97f4a7c15L);
    return tf.math.add(runSeed, tf.constant(new long[] {offset, 0}));
  }
}
