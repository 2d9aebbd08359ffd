package org.jgan.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.BatchSource;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.SubgraphCopy;
import org.jgan.graphs.Tensors;
import org.jgan.losses.Schedule.PhaseRun;
import org.jgan.losses.TrainPhase;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One session run per training iteration (per {@link #MAX_RUNS_PER_CHAIN} phase runs). For each distinct plan of the schedule the plan's phase
 * runs are copied into the graph in order, each copy reading its own run seed (the one its separate
 * run would be fed) and its own batch, and running after the previous copy's update and scalars,
 * so it reads the variables the previous one wrote exactly as a separate run would. In a chain
 * with metrics every copy's scalars come back, so each run's values can still be checked in order;
 * a chain without (iterations nobody logs) holds only the updates.
 */
final class FusedIterations {
  /**
   * The most phase runs one chain holds: WGAN-GP's six fit in one, while WGAN's 100 critic updates
   * run as thirteen chains of two kinds, since each copy makes the graph larger and slower to build.
   */
  static final int MAX_RUNS_PER_CHAIN = 8;

  private final GanGraph model;
  private final int batchSize;
  private final SubgraphCopy copier;
  private final IterationBatches batches;
  private final Placeholder<TInt64> firstRunSeed;
  private final Placeholder<TBool> training;
  private final Placeholder<TFloat32> progress;
  private final Map<String, Chain> chains = new HashMap<>();

  /** One phase run inside a chain: the phase and the names of its scalars, in the order they are packed. */
  record Link(TrainPhase phase, List<String> metricNames) {}

  /**
   * One plan's runs chained in the graph.
   *
   * @param links the runs in order
   * @param batchesRead distinct real batches the iteration reads
   * @param done the op after which every run is done
   * @param scalars every run's scalars, run by run
   */
  record Chain(List<Link> links, int batchesRead, GraphOperation done, List<Output<TFloat32>> scalars) {}

  FusedIterations(GanGraph model, BatchSource data, boolean dataInGraph) {
    this.model = model;
    this.batchSize = data.batchSize();
    // Taken before any fused op exists: only the training graph proper is ever copied.
    this.copier = new SubgraphCopy(model.context().graph());
    Ops tf = model.context().tf().withSubScope("fused");
    this.batches = IterationBatches.of(model.context(), tf, data, dataInGraph);
    this.firstRunSeed = tf.withName("first_run_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    this.training = tf.withName("training").placeholder(TBool.class, Placeholder.shape(Shape.scalar()));
    this.progress = tf.withName("progress").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
  }

  /**
   * {@code plan} cut into consecutive pieces of at most {@link #MAX_RUNS_PER_CHAIN} runs; a plan
   * whose runs all read one batch stays whole, as that batch is loaded once per chain.
   */
  static List<List<PhaseRun>> segments(List<PhaseRun> plan, boolean oneBatchPerIteration) {
    if (oneBatchPerIteration) {
      return List.of(plan);
    }
    List<List<PhaseRun>> segments = new ArrayList<>();
    List<PhaseRun> current = new ArrayList<>();
    int size = 0;
    for (PhaseRun run : plan) {
      for (int left = run.repeats(); left > 0; ) {
        int take = Math.min(left, MAX_RUNS_PER_CHAIN - size);
        current.add(new PhaseRun(run.phase(), take));
        size += take;
        left -= take;
        if (size == MAX_RUNS_PER_CHAIN) {
          segments.add(current);
          current = new ArrayList<>();
          size = 0;
        }
      }
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    return segments;
  }

  /** Whether the real examples are held in the graph. */
  boolean dataInGraph() {
    return batches.inGraph();
  }

  /**
   * The chain of {@code plan}, built the first time that plan is met; with {@code withMetrics}, its
   * runs' scalars come back, else it runs only the updates (a chain of its own, so that no scalar,
   * not even one nothing fetches, is computed).
   */
  Chain chain(List<PhaseRun> plan, boolean oneBatchPerIteration, boolean withMetrics) {
    StringBuilder key = new StringBuilder(withMetrics ? "scalars:" : "updates:");
    for (PhaseRun run : plan) {
      key.append(model.objective().phases().indexOf(run.phase())).append('x').append(run.repeats()).append(',');
    }
    return chains.computeIfAbsent(key.toString(), k -> build(plan, oneBatchPerIteration, withMetrics));
  }

  /**
   * Runs {@code chain} once: its first run seeded as session run {@code firstRun}, its batches
   * {@code firstBatch} onwards; returns every run's scalars, run by run.
   */
  float[] run(Session session, Chain chain, long firstRun, long firstBatch, float progressValue) {
    return run(session, chain, firstRun, firstBatch, progressValue, null).values();
  }

  /** The scalars of one run of a chain and, when traced, TensorFlow's record of it. */
  record Outcome(float[] values, RunMetadata metadata) {}

  /**
   * {@link #run} with TensorFlow's full trace of the run, whose step statistics list every op it
   * executed (tests count them: each costs the fixed part of an iteration about a microsecond).
   */
  Outcome traced(Session session, Chain chain, long firstRun, long firstBatch, float progressValue) {
    return run(session, chain, firstRun, firstBatch, progressValue,
        RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
  }

  private Outcome run(Session session, Chain chain, long firstRun, long firstBatch, float progressValue,
      RunOptions options) {
    GraphContext ctx = model.context();
    batches.prepare(session);
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      feeds.add(ctx.runSeedTensor(firstRun));
      runner.feed(firstRunSeed, feeds.get(feeds.size() - 1));
      feeds.add(TBool.scalarOf(true));
      runner.feed(training, feeds.get(feeds.size() - 1));
      feeds.add(TFloat32.scalarOf(progressValue));
      runner.feed(progress, feeds.get(feeds.size() - 1));
      if (chain.batchesRead() > 0) {
        feeds.add(batches.feed(firstBatch, chain.batchesRead()));
        runner.feed(batches.input(), feeds.get(feeds.size() - 1));
      }
      runner.addTarget(chain.done());
      // Each scalar is fetched as itself: a fetched op is one Grappler leaves as written, as in a
      // separate run (an unfetched sum was rewritten to give a last bit different).
      chain.scalars().forEach(runner::fetch);
      if (options != null) {
        runner.setOptions(options);
      }
      try (Result result = options == null ? runner.run() : runner.runAndFetchMetadata()) {
        float[] out = new float[chain.scalars().size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = Tensors.scalar(result.get(i));
        }
        return new Outcome(out, result.getMetadata().orElse(null));
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private Chain build(List<PhaseRun> plan, boolean oneBatchPerIteration, boolean withMetrics) {
    GraphContext ctx = model.context();
    Ops tf = ctx.tf();
    String prefix = ctx.uniqueName("fused/chain");
    List<Link> links = new ArrayList<>();
    List<Output<TFloat32>> scalars = new ArrayList<>();
    List<GraphOperation> after = List.of();
    int batchesRead = 0;
    int k = 0;
    for (PhaseRun run : plan) {
      TrainPhase phase = run.phase();
      List<String> names = withMetrics ? new ArrayList<>(phase.metrics().keySet()) : new ArrayList<>();
      Collections.sort(names);
      for (int r = 0; r < run.repeats(); r++, k++) {
        Map<Output<?>, Output<?>> inputs = new LinkedHashMap<>();
        inputs.put(ctx.runSeedInput().asOutput(), tf.math.add(firstRunSeed, tf.constant(new long[] {0, k})).asOutput());
        inputs.put(ctx.trainingFlag().asOutput(), training.asOutput());
        inputs.put(ctx.progressInput().asOutput(), progress.asOutput());
        if (phase.usesRealData()) {
          int batch = oneBatchPerIteration ? 0 : batchesRead;
          batchesRead = oneBatchPerIteration ? 1 : batchesRead + 1;
          inputs.put(model.real().asOutput(), batchAt(tf, batch).asOutput());
        }
        List<Op> targets = new ArrayList<>();
        targets.add(phase.step());
        names.forEach(name -> targets.add(phase.metrics().get(name)));
        SubgraphCopy.Copy copy = copier.copy(prefix + "/run" + k, targets, inputs, after);
        List<Operation> runDone = new ArrayList<>();
        runDone.add(copy.op(phase.step()));
        for (String name : names) {
          Output<TFloat32> scalar = copy.output(phase.metrics().get(name));
          runDone.add(scalar.op());
          scalars.add(scalar);
        }
        GraphOperation done = (GraphOperation) tf.withControlDependencyOps(runDone)
            .withName(prefix.replace('/', '_') + "_run" + k + "_done").noOp().op();
        after = List.of(done);
        links.add(new Link(phase, names));
      }
    }
    return new Chain(links, batchesRead, after.get(0), scalars);
  }

  private Operand<TFloat32> batchAt(Ops tf, int index) {
    int rank = model.real().shape().numDimensions();
    long[] begin = new long[rank];
    long[] size = new long[rank];
    java.util.Arrays.fill(size, -1);
    begin[0] = (long) index * batchSize;
    size[0] = batchSize;
    return tf.slice(batches.batches(), tf.constant(begin), tf.constant(size));
  }
}
