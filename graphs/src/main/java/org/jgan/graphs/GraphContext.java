package org.jgan.graphs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.random.StatelessRandomGetKeyCounter;
import org.tensorflow.proto.DataType;
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
 *
 * <p>A context can place what it builds: state (variables, slots, counters: everything built through
 * {@link #named}) on one device, and the computation of each of several replicas ("towers") of one
 * model on its own device ({@link #beginTower}). A tower's random draws are its block of rows of the
 * draw one unreplicated graph makes: tower i of n, drawing shape [b, ...], gets rows [i b, (i + 1) b)
 * of the same op's draw of [n b, ...], so towers over slices of a batch see the random numbers one
 * graph over the whole batch sees.
 */
public final class GraphContext {
  private final Graph graph;
  private final Ops root;
  /** The op factory of the current placement: root, or root on the current tower's device. */
  private Ops tf;
  private DeviceSpec stateDevice;
  private TowerScope tower;
  private final TowerGradients towerGradients = new TowerGradients();
  private final long seed;
  private final PlaceholderWithDefault<TInt64> runSeed;
  private final PlaceholderWithDefault<TBool> training;
  private final PlaceholderWithDefault<TFloat32> progress;
  private final Set<String> usedNames = new HashSet<>();
  private final Map<String, Ops> scopes = new HashMap<>();
  private final Map<String, Object> shared = new HashMap<>();
  private int randomOps;

  /** A context over {@code graph} whose randomness all derives from {@code seed}. */
  public GraphContext(Graph graph, long seed) {
    SecondOrderGradients.register();
    this.graph = graph;
    this.root = Ops.create(graph);
    this.tf = root;
    this.seed = seed;
    this.runSeed = tf.withName("run_seed").placeholderWithDefault(tf.constant(new long[] {seed, 0}), Shape.of(2));
    this.training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    this.progress = tf.withName("progress").placeholderWithDefault(tf.constant(0f), Shape.scalar());
  }

  /** The graph under construction. */
  public Graph graph() {
    return graph;
  }

  /** The op factory (no name scope), on the current tower's device while a tower is built. */
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
    Operand<TInt64> key = nextRandomKey();
    if (tower == null) {
      return tf.random.statelessRandomNormal(shape, key);
    }
    StatelessRandomGetKeyCounter keyCounter = tf.random.statelessRandomGetKeyCounter(key);
    return tf.random.statelessRandomNormalV2(shape, keyCounter.key(), towerCounter(keyCounter, shape), philox());
  }

  /** U[0, 1) samples of the given dynamic shape, fresh for every run index. */
  public Operand<TFloat32> uniform(Operand<? extends TNumber> shape) {
    Operand<TInt64> key = nextRandomKey();
    if (tower == null) {
      return tf.random.statelessRandomUniform(shape, key);
    }
    StatelessRandomGetKeyCounter keyCounter = tf.random.statelessRandomGetKeyCounter(key);
    return tf.random.statelessRandomUniformV2(shape, keyCounter.key(), towerCounter(keyCounter, shape), philox());
  }

  /**
   * The Philox counter of this tower's block: the counter the V1 op derives from the key (so tower 0
   * draws what the V1 op draws), advanced by index x ceil(size / 4) steps, Philox making 4 values
   * per step. Blocks never overlap; they are exactly the rows of the whole draw when the size is a
   * multiple of 4.
   */
  private Operand<?> towerCounter(StatelessRandomGetKeyCounter keyCounter, Operand<? extends TNumber> shape) {
    Operand<TInt64> size = tf.reduceProd(tf.dtypes.cast(shape, TInt64.class), tf.constant(0));
    Operand<TInt64> steps = tf.math.mul(tf.constant((long) tower.index()),
        tf.math.div(tf.math.add(size, tf.constant(3L)), tf.constant(4L)));
    // The counter is uint64[2], low word first; Java has no uint64 type, so it is advanced as int64 bits.
    Operand<TInt64> counter = tf.math.add(tf.bitcast(keyCounter.counter(), TInt64.class),
        tf.stack(java.util.List.of(steps, tf.constant(0L))));
    return tf.scope().env().opBuilder("Bitcast", tf.scope().makeOpName("Bitcast"), tf.scope())
        .addInput(counter.asOutput()).setAttr("type", DataType.DT_UINT64).build().output(0);
  }

  private Operand<org.tensorflow.types.TInt32> philox() {
    return tf.constant(1); // TensorFlow's number for the Philox algorithm
  }

  /**
   * {@code samples} draws from each row of {@code logits} [rows, K] (a softmax over K categories),
   * as category indices [rows, samples], fresh for every run index: each draw is the first category
   * whose cumulative probability exceeds a {@link #uniform} draw (a binary search per draw), so no
   * noise tensor of the logits' size times the sample count is made, as Gumbel-max would.
   *
   * <p>Why not TensorFlow's {@code StatelessMultinomial}: its rows' streams depend on how the
   * kernel shards the rows, and it takes a seed, not a counter, so a tower could not draw its
   * block of the one graph's rows; the uniform draws can (see the class comment).
   */
  public Operand<TInt32> categorical(Operand<TFloat32> logits, int samples) {
    int k = (int) logits.shape().size(1);
    Operand<TFloat32> cumulative = tf.math.cumsum(tf.nn.softmax(logits), tf.constant(1));
    Operand<TInt32> rows = tf.slice(tf.shape(logits), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TFloat32> u = uniform(tf.concat(java.util.List.of(rows, tf.constant(new int[] {samples})), tf.constant(0)));
    // Scaled by each row's total, which rounding leaves a little off 1, so that a draw falls inside the row's range.
    Operand<TFloat32> total = tf.slice(cumulative, tf.constant(new int[] {0, k - 1}), tf.constant(new int[] {-1, 1}));
    Operand<TInt32> found = tf.upperBound(cumulative, tf.math.mul(u, total));
    // u * total can still round up to total; the last category takes that draw.
    return tf.math.minimum(found, tf.constant(k - 1));
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
    Ops parent = cut < 0 ? root : scope(path.substring(0, cut));
    return (stateDevice == null ? parent : parent.withDevice(stateDevice)).withName(path.substring(cut + 1));
  }

  /**
   * Places every op built through {@link #named} (variables, optimiser slots, counters) on {@code device}
   * from now on: a parameter server, say. Call before the first variable is built.
   */
  public void placeStateOn(DeviceSpec device) {
    this.stateDevice = device;
  }

  /** The device state is placed on, or null when it is left to TensorFlow. */
  public DeviceSpec stateDevice() {
    return stateDevice;
  }

  /**
   * Builds what follows as tower {@code index} of {@code count}: ops on {@code device}, random draws
   * this tower's block of rows (see the class comment), random ops numbered as tower 0's were, so
   * that each tower's op i draws from the same stream. Towers are built in order 0, 1, ..., and
   * {@link #endTowers} ends the last.
   */
  public void beginTower(int index, int count, DeviceSpec device) {
    if (index < 0 || index >= count || (index > 0 && (tower == null || tower.index() != index - 1))) {
      throw new IllegalStateException("tower " + index + " of " + count + " out of order");
    }
    int firstRandomOp = index == 0 ? randomOps : tower.firstRandomOp();
    tower = new TowerScope(index, count, firstRandomOp, device == null ? null : device.toString());
    randomOps = firstRandomOp;
    tf = device == null ? root : root.withDevice(device);
    towerGradients.beginTower();
  }

  /**
   * Ends the towers: ops are built unplaced again, random draws whole, and each tower reads the
   * variables of another device as values (see {@code TowerReads}: as references, a session with
   * oneDNN could hang).
   */
  public void endTowers() {
    tower = null;
    tf = root;
    towerGradients.endTowers();
    TowerReads.readValuesAcrossDevices(this);
  }

  /** The tower being built, or null outside towers. */
  public TowerScope tower() {
    return tower;
  }

  /** Where the update ops of the towers being built meet (see {@link TowerGradients}). */
  public TowerGradients towerGradients() {
    return towerGradients;
  }

  /**
   * The state built by {@code build} the first time {@code path} is asked for, the same object every
   * later time: an objective's own variable (a moving baseline, say), which each tower's build asks
   * for and all towers share, as they share the networks' variables.
   */
  @SuppressWarnings("unchecked")
  public <T> T sharedState(String path, Supplier<T> build) {
    Object existing = shared.get(path);
    if (existing == null) {
      existing = build.get();
      shared.put(path, existing);
    }
    return (T) existing;
  }

  /** Builds {@code ops} on the state device (outside any tower's device), e.g. an update applied to state. */
  public <T> T onStateDevice(Supplier<T> ops) {
    Ops previous = tf;
    tf = stateDevice == null ? root : root.withDevice(stateDevice);
    try {
      return ops.get();
    } finally {
      tf = previous;
    }
  }

  /** The op factory for name scope {@code path}, created once and reused so the scope keeps its name. */
  public Ops scope(String path) {
    Ops cached = scopes.get(path);
    if (cached == null) {
      int cut = path.lastIndexOf('/');
      Ops parent = cut < 0 ? root : scope(path.substring(0, cut));
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
