package org.jgan.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jgan.data.BatchSource;
import org.jgan.data.Seeds;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.losses.Schedule;
import org.jgan.losses.Schedule.PhaseRun;
import org.jgan.losses.TrainPhase;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Runs any objective's schedule over a batch source: each iteration runs the phases the schedule
 * lists, feeding each session run its own random seed and each data-reading run the next batch
 * (or, where the schedule asks for one batch per iteration, the iteration's batch).
 * Owns its graph and session; close it.
 *
 * <p>By default each iteration is one session run ({@link Execution#FUSED}): the schedule's phase
 * runs are chained in the graph and give, bit for bit, what separate runs give
 * ({@link Execution#UNFUSED}, kept as the reference).
 *
 * <p>Training that diverges stops with a {@link NonFiniteTrainingException}: every scalar a phase
 * reports (its loss first) is checked after each run that fetches them (every run of
 * {@link #iterate()}; in {@link #trainUntil} the iterations a listener wants scalars from), and
 * every network's weights before each checkpoint is saved, so no checkpoint ever holds NaN or
 * infinite weights.
 */
public final class Trainer implements AutoCloseable {
  /** How an iteration reaches the session. */
  public enum Execution {
    /** One session run per phase run, each fed its own batch: the reference the fused modes equal bit for bit. */
    UNFUSED,
    /** One session run per iteration, its batches fed as one tensor. */
    FUSED_FED,
    /** One session run per iteration, a shuffled in-memory training set held in the graph (other data is fed). */
    FUSED
  }

  private final ModelSpec spec;
  private final Graph graph;
  private final GanGraph model;
  private final FiniteWeights finiteWeights;
  private final Session session;
  /**
   * For variables in other processes (cluster towers, or a sweep cell's whole graph on a worker):
   * the local copy checkpoints are saved from and restored into; else null.
   */
  private final ClientCheckpoints clientCheckpoints;
  private final BatchSource data;
  /** Null when every phase run is its own session run. */
  private final FusedIterations fused;
  private final float[] batchBuffer;
  private TrainingState state = TrainingState.START;
  private long plannedIterations;
  /** Whether batchBuffer holds a batch read during the current iteration. */
  private boolean batchLoaded;
  /** Set from another thread (a shutdown hook), read between iterations. */
  private volatile boolean stopRequested;

  /**
   * Builds the graph of {@code spec} and opens a session with {@code threads} intra-op threads on
   * the CPU; iterations run {@link Execution#FUSED}.
   */
  public Trainer(ModelSpec spec, BatchSource data, int threads) {
    this(spec, data, SessionSettings.cpu(threads));
  }

  /** Builds the graph of {@code spec} and opens a session as {@code settings} say (threads, device), fused. */
  public Trainer(ModelSpec spec, BatchSource data, SessionSettings settings) {
    this(spec, data, settings, Execution.FUSED);
  }

  /** Builds the graph of {@code spec} with {@code threads} intra-op threads on the CPU, running as {@code execution} says. */
  public Trainer(ModelSpec spec, BatchSource data, int threads, Execution execution) {
    this(spec, data, SessionSettings.cpu(threads), execution);
  }

  /** Builds the graph of {@code spec} and opens a session as {@code settings} say, running as {@code execution} says. */
  public Trainer(ModelSpec spec, BatchSource data, SessionSettings settings, Execution execution) {
    this(spec, data, settings, execution, null);
  }

  /** {@link #Trainer(ModelSpec, BatchSource, SessionSettings, Towers)} with {@code threads} intra-op threads on the CPU. */
  public Trainer(ModelSpec spec, BatchSource data, int threads, Towers towers) {
    this(spec, data, SessionSettings.cpu(threads), towers);
  }

  /**
   * Builds the graph of {@code spec} replicated over {@code towers} (synchronous data parallelism, see
   * {@link ReplicatedGanGraph}) and opens its session with {@code settings}' threads. A replicated
   * trainer runs {@link Execution#UNFUSED}: fusion copies the single graph's phase subgraphs, which
   * know nothing of towers. Checkpoints are written by this process either way.
   */
  public Trainer(ModelSpec spec, BatchSource data, SessionSettings settings, Towers towers) {
    this(spec, data, settings, Execution.UNFUSED, java.util.Objects.requireNonNull(towers, "towers"));
  }

  private Trainer(ModelSpec spec, BatchSource data, SessionSettings settings, Execution execution, Towers towers) {
    if (data.batchSize() != spec.batchSize()) {
      throw new IllegalArgumentException("data batch size " + data.batchSize() + " differs from model batch size "
          + spec.batchSize());
    }
    if (!java.util.Arrays.equals(data.exampleShape(), spec.exampleShape())) {
      throw new IllegalArgumentException("data example shape " + java.util.Arrays.toString(data.exampleShape())
          + " differs from model example shape " + java.util.Arrays.toString(spec.exampleShape()));
    }
    this.spec = spec;
    this.data = data;
    this.graph = new Graph();
    try {
      this.model = towers == null ? GanGraph.build(graph, spec) : ReplicatedGanGraph.build(graph, spec, towers);
      this.finiteWeights = new FiniteWeights(model.context().tf(), model.objective().phases());
      this.fused = execution == Execution.UNFUSED ? null
          : new FusedIterations(model, data, execution == Execution.FUSED);
      this.session = towers == null ? Sessions.open(graph, settings) : towers.open(graph, settings);
      boolean remote = towers == null ? Sessions.openRemotely() : towers.remote();
      this.clientCheckpoints = remote ? new ClientCheckpoints(graph, session) : null;
      if (model.ema() != null) {
        session.runner().addTarget(model.ema().reset()).run();
      }
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    this.batchBuffer = new float[data.batchSize() * data.exampleSize()];
  }

  /** The model this trainer was built from. */
  public ModelSpec spec() {
    return spec;
  }

  /** The training graph's networks, inputs and phases. */
  public GanGraph model() {
    return model;
  }

  /** The session holding the variables (for custom loops and export). */
  public Session session() {
    return session;
  }

  /** Iterations, session runs and batches done so far. */
  public TrainingState state() {
    return state;
  }

  /**
   * The length of the whole run in iterations, which learning-rate decay reads as progress =
   * iteration / planned. Zero (the default) means no decay has begun.
   */
  public void planIterations(long iterations) {
    this.plannedIterations = iterations;
  }

  /**
   * Runs one iteration of the schedule and returns each phase's last scalars, keyed {@code phase/metric}.
   * With a generator weight average ({@link ModelSpec#emaDecay}), the iteration's generator update is
   * then folded into it.
   *
   * @throws NonFiniteTrainingException when a phase's scalar is NaN or infinite
   */
  public Map<String, Float> iterate() {
    return iterate(true);
  }

  /**
   * Runs one iteration of the schedule, as {@link #iterate()} does when {@code withMetrics}; without,
   * it fetches no scalar (each session run only runs its update), checks none and returns an empty
   * map. The variables it leaves are the same bit for bit either way; a divergence then shows at the
   * next iteration with metrics, or at the next {@link #save}, which refuses non-finite weights.
   *
   * @throws NonFiniteTrainingException when a phase's scalar, fetched, is NaN or infinite
   */
  public Map<String, Float> iterate(boolean withMetrics) {
    Map<String, Float> metrics = new LinkedHashMap<>();
    Schedule schedule = model.objective().schedule();
    if (fused != null) {
      iterateFused(schedule, metrics, withMetrics, null);
      updateAverage();
      return metrics;
    }
    batchLoaded = false;
    for (PhaseRun run : schedule.plan(state.iteration())) {
      for (int i = 0; i < run.repeats(); i++) {
        runPhase(run.phase(), metrics, schedule.oneBatchPerIteration(), withMetrics);
      }
    }
    updateAverage();
    state = new TrainingState(state.iteration() + 1, state.runs(), state.batches());
    return metrics;
  }

  /**
   * Folds the iteration's generator update into the weight average, if the model has one, fused or
   * not. Each iteration updates the generator once. A run of its own, reading no randomness and no
   * batch, so the seeds and data of every phase are those of a run without the average.
   */
  private void updateAverage() {
    if (model.ema() != null) {
      session.runner().addTarget(model.ema().update()).run();
    }
  }

  /**
   * Runs one iteration as {@code iterate(false)} does, with TensorFlow's full trace
   * ({@code RunOptions} FULL_TRACE) of each of its session runs, in order: one per chain. The
   * generator average's update, a run of its own, is not traced. Benchmarks read the traces' step
   * statistics (every op executed, with its kernel's start and end).
   *
   * @return the traces of the iteration's session runs
   * @throws IllegalStateException when the trainer is not fused
   */
  public List<RunMetadata> iterateTraced() {
    if (fused == null) {
      throw new IllegalStateException("only fused iterations are traced");
    }
    List<RunMetadata> traces = new ArrayList<>();
    iterateFused(model.objective().schedule(), new LinkedHashMap<>(), false, traces);
    updateAverage();
    return traces;
  }

  /** The fused chains, or null when every phase run is its own session run. */
  FusedIterations fusedIterations() {
    return fused;
  }

  /** Whether the training examples are held in the graph rather than fed each iteration. */
  public boolean dataInGraph() {
    return fused != null && fused.dataInGraph();
  }

  /**
   * One iteration in one session run (or, for a plan longer than a chain, one per chain); the state
   * and checks advance run by run as {@link #runPhase} does. With {@code traces}, each run is
   * traced and its trace added there.
   */
  private void iterateFused(Schedule schedule, Map<String, Float> metrics, boolean withMetrics,
      List<RunMetadata> traces) {
    long batches = state.batches();
    boolean loaded = false;
    for (List<PhaseRun> segment : FusedIterations.segments(schedule.plan(state.iteration()),
        schedule.oneBatchPerIteration())) {
      FusedIterations.Chain chain = fused.chain(segment, schedule.oneBatchPerIteration(), withMetrics);
      float[] values;
      if (traces == null) {
        values = fused.run(session, chain, state.runs(), state.batches(), progress());
      } else {
        FusedIterations.Outcome outcome = fused.traced(session, chain, state.runs(), state.batches(), progress());
        traces.add(outcome.metadata());
        values = outcome.values();
      }
      int at = 0;
      for (FusedIterations.Link link : chain.links()) {
        TrainPhase phase = link.phase();
        Map<String, Float> runValues = new LinkedHashMap<>();
        for (String name : link.metricNames()) {
          runValues.put(name, values[at++]);
        }
        if (withMetrics) {
          requireFinite(phase, runValues);
        }
        runValues.forEach((name, value) -> metrics.put(phase.name() + "/" + name, value));
        if (phase.usesRealData() && !(schedule.oneBatchPerIteration() && loaded)) {
          batches++;
          loaded = true;
        }
        state = new TrainingState(state.iteration(), state.runs() + 1, batches);
      }
    }
    state = new TrainingState(state.iteration() + 1, state.runs(), state.batches());
  }

  /** How far training has gone, as learning-rate decay reads it. */
  private float progress() {
    return plannedIterations <= 0 ? 0f : (float) ((double) state.iteration() / plannedIterations);
  }

  /**
   * Iterates until {@code iterations} generator updates are done, or a stop is requested, calling
   * the listeners after each iteration and their {@code finished} at the end. An iteration fetches
   * the phases' scalars only where some listener {@linkplain TrainingListener#wantsMetrics wants
   * them}, and at the last iteration; elsewhere the listeners see an empty map.
   */
  public void trainUntil(long iterations, List<TrainingListener> listeners) throws Exception {
    planIterations(iterations);
    while (state.iteration() < iterations && !stopRequested) {
      long next = state.iteration() + 1;
      // The last iteration always checks its scalars, so a run with no listener still reports a divergence.
      boolean withMetrics = next == iterations || listeners.stream().anyMatch(l -> l.wantsMetrics(next));
      Map<String, Float> metrics = iterate(withMetrics);
      for (TrainingListener listener : listeners) {
        listener.afterIteration(this, metrics);
      }
    }
    for (TrainingListener listener : listeners) {
      listener.finished(this);
    }
  }

  /**
   * Asks {@link #trainUntil} to return after the iteration in progress and its listeners, so the
   * caller can save where it stopped. Safe to call from any thread; it stays requested.
   */
  public void requestStop() {
    stopRequested = true;
  }

  /** Whether {@link #requestStop} was called. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /**
   * @param reuseBatch whether a data-reading run after the first of this iteration reads the batch
   *     already loaded instead of the next one
   */
  private void runPhase(TrainPhase phase, Map<String, Float> metrics, boolean reuseBatch, boolean withMetrics) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      feeds.add(feed(runner, model.context().runSeedInput(), model.context().runSeedTensor(state.runs())));
      feeds.add(feed(runner, model.context().trainingFlag(), TBool.scalarOf(true)));
      feeds.add(feed(runner, model.context().progressInput(), TFloat32.scalarOf(progress())));
      long batches = state.batches();
      if (phase.usesRealData()) {
        if (!(reuseBatch && batchLoaded)) {
          data.fill(batches++, batchBuffer);
          batchLoaded = true;
        }
        feeds.add(feed(runner, model.real(), Tensors.floats(batchBuffer, realShape())));
      }
      runner.addTarget(phase.step());
      List<String> names = withMetrics ? new ArrayList<>(phase.metrics().keySet()) : new ArrayList<>();
      java.util.Collections.sort(names);
      for (String name : names) {
        runner.fetch(phase.metrics().get(name));
      }
      Map<String, Float> values = new LinkedHashMap<>();
      try (Result result = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), Tensors.scalar(result.get(i)));
        }
      }
      if (withMetrics) {
        requireFinite(phase, values);
      }
      values.forEach((name, value) -> metrics.put(phase.name() + "/" + name, value));
      state = new TrainingState(state.iteration(), state.runs() + 1, batches);
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  /** Fails naming the phase's loss when it is not finite, else its first other scalar that is not. */
  private void requireFinite(TrainPhase phase, Map<String, Float> values) {
    List<String> order = new ArrayList<>();
    order.add("loss");
    order.addAll(values.keySet());
    for (String name : order) {
      float value = values.get(name);
      if (!Float.isFinite(value)) {
        throw new NonFiniteTrainingException(state.iteration() + 1, phase.name(), name, "is " + value);
      }
    }
  }

  private static Tensor feed(Session.Runner runner, Operand<?> input, Tensor value) {
    runner.feed(input, value);
    return value;
  }

  private long[] realShape() {
    int[] example = spec.exampleShape();
    long[] shape = new long[example.length + 1];
    shape[0] = spec.batchSize();
    for (int i = 0; i < example.length; i++) {
      shape[i + 1] = example[i];
    }
    return shape;
  }

  /**
   * {@link #sample(int, long)} in runs of at most {@code chunk} samples: z is drawn in order from one
   * random stream, so any chunking gives the same samples.
   */
  float[] sample(int count, long sampleSeed, int chunk) {
    long exampleSize = java.util.Arrays.stream(spec.exampleShape()).asLongStream().reduce(1, (a, b) -> a * b);
    if ((long) count * exampleSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(count + " samples of shape " + java.util.Arrays.toString(spec.exampleShape())
          + " hold " + (long) count * exampleSize + " values, more than one Java array holds");
    }
    SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(spec.seed(), "samples"), sampleSeed));
    float[] samples = new float[(int) (count * exampleSize)];
    for (int start = 0; start < count; start += chunk) {
      int n = Math.min(chunk, count - start);
      float[] part = sample(spec.prior().sample(random, n));
      System.arraycopy(part, 0, samples, (int) (start * exampleSize), part.length);
    }
    return samples;
  }

  /**
   * The generator's samples in inference mode for the given z in one session run (as {@link
   * #sample(int, long)}, for z drawn elsewhere: {@link PriorDraw#samples}).
   *
   * @param z rows of the prior's dimension, row-major
   * @return the samples, row-major [rows, example shape...]
   */
  public float[] sample(float[] z) {
    int n = z.length / spec.prior().dimension();
    try (TFloat32 zTensor = Tensors.floats(z, n, spec.prior().dimension());
        Result result = session.runner().feed(model.zInput(), zTensor).fetch(model.samples()).run()) {
      return Tensors.toFloats(result.get(0));
    }
  }

  /**
   * {@code count} generator samples in inference mode, row-major [count, example shape...], from
   * z drawn with a Java random stream seeded by (run seed, {@code sampleSeed}), at most
   * {@link GeneratorGraph#SAMPLES_PER_RUN} per session run.
   *
   * @throws IllegalArgumentException when the samples would not fit in one Java array
   */
  public float[] sample(int count, long sampleSeed) {
    return sample(count, sampleSeed, GeneratorGraph.SAMPLES_PER_RUN);
  }

  /**
   * Saves every variable and the training state as a checkpoint at the current iteration.
   *
   * @throws NonFiniteTrainingException when a network's weights are not all finite (nothing is saved)
   */
  public CheckpointStore.Checkpoint save(CheckpointStore store) throws IOException {
    finiteWeights.require(session, state.iteration());
    return store.save(sessionToSave(), state.iteration(), state.toProperties());
  }

  /**
   * Saves as {@link #save} does, as an interim checkpoint ({@link CheckpointStore#saveInterim}): one
   * between the regular ones, by time or where the run stopped.
   *
   * @throws NonFiniteTrainingException when a network's weights are not all finite (nothing is saved)
   */
  public CheckpointStore.Checkpoint saveInterim(CheckpointStore store) throws IOException {
    finiteWeights.require(session, state.iteration());
    return store.saveInterim(sessionToSave(), state.iteration(), state.toProperties());
  }

  /**
   * The session to save every variable from in this process ({@link CheckpointStore#save}): the
   * training session, or, when the variables live on a cluster, a local copy of them made now.
   */
  public Session sessionToSave() {
    return clientCheckpoints == null ? session : clientCheckpoints.pull();
  }

  /**
   * Restores the newest checkpoint in {@code store} that restores (see
   * {@link CheckpointStore#restoreNewest}), reporting each damaged one skipped on standard error;
   * returns whether one was found.
   */
  public boolean restoreLatest(CheckpointStore store) throws IOException {
    return restoreLatest(store, System.err::println);
  }

  /**
   * Restores the newest checkpoint in {@code store} that restores, passing over damaged ones and
   * ones whose trainer state is malformed, each reported to {@code skipped} as one line; returns
   * whether one was found.
   *
   * @throws IllegalArgumentException naming the folder when it holds checkpoints but none restores
   */
  public boolean restoreLatest(CheckpointStore store, Consumer<String> skipped) throws IOException {
    Optional<CheckpointStore.Checkpoint> restored = store.restoreNewest(
        clientCheckpoints == null ? session : clientCheckpoints.mirror(),
        checkpoint -> TrainingState.fromProperties(checkpoint.state()), skipped);
    if (restored.isPresent() && clientCheckpoints != null) {
      clientCheckpoints.push();
    }
    restored.ifPresent(checkpoint -> state = TrainingState.fromProperties(checkpoint.state()));
    return restored.isPresent();
  }

  @Override
  public void close() {
    if (clientCheckpoints != null) {
      clientCheckpoints.close();
    }
    session.close();
    graph.close();
  }
}
