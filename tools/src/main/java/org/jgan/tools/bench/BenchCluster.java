package org.jgan.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.data.BatchSource;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.cluster.ClusterSpec;
import org.jgan.tools.experiment.ExperimentFile;
import org.jgan.tools.experiment.ExperimentRunner;
import org.jgan.tools.progress.ProgressReporter;
import org.jgan.training.ModelSpec;
import org.jgan.training.Towers;
import org.jgan.training.Trainer;
import org.jgan.training.Trainer.Execution;
import org.jgan.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jgan bench cluster}: what scaling out over TensorFlow's gRPC runtime costs and gives on
 * this machine, with two {@code jgan server} workers on loopback that the bench starts
 * and stops itself. Two lines, each a ratio measured in this run:
 * <ul>
 *   <li>{@code step}: a toy8 WGAN-GP iteration data-parallel over the two workers against the same
 *       iteration in this process (fused, as {@code jgan train} runs it, and unfused, as the
 *       replicated trainer runs it), timed interleaved;</li>
 *   <li>{@code sweep}: the wall time of a tiny {@code jgan experiment run --cluster} sweep on one
 *       worker against the same sweep on two.</li>
 * </ul>
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Scale-out on 2 loopback workers: the data-parallel step against the local one, and a sweep's wall time on 1 vs 2 workers.")
public final class BenchCluster implements Callable<Integer> {
  /** Workers the bench starts: the smallest cluster that shows both costs. */
  static final int WORKERS = 2;
  private static final List<String> LINES = List.of("step", "sweep");
  private static final int WARMUP = 5;
  private static final int BLOCK = 10;

  @Spec
  CommandSpec spec;

  @Option(names = "--lines", split = ",", defaultValue = "step,sweep", description = "step and/or sweep (default: ${DEFAULT-VALUE})")
  List<String> lines;

  @Option(names = "--batch", defaultValue = "64", description = "global batch of the step line, split over the workers (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--rounds", defaultValue = "15",
      description = "timed rounds of the step line, each " + BLOCK + " iterations per trainer, median reported (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--cells", defaultValue = "4", description = "cells of the sweep line (default: ${DEFAULT-VALUE})")
  int cells;

  @Option(names = "--cell-steps", defaultValue = "400", description = "training steps of each sweep cell (default: ${DEFAULT-VALUE})")
  int cellSteps;

  @Option(names = "--sweep-rounds", defaultValue = "1",
      description = "sweeps on each worker count, alternating which goes first, median reported (default: ${DEFAULT-VALUE})")
  int sweepRounds;

  @Option(names = "--threads", description = "TensorFlow intra-op threads of the step line (default: the available processors)")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    for (String line : lines) {
      if (!LINES.contains(line)) {
        throw new ParameterException(spec.commandLine(), "--lines: unknown line '" + line + "' (known: step, sweep)");
      }
    }
    if (batch < WORKERS || batch % WORKERS != 0) {
      throw new ParameterException(spec.commandLine(), "--batch " + batch + " must split evenly over the " + WORKERS + " workers");
    }
    if (rounds < 1 || cells < 1 || cellSteps < 1 || sweepRounds < 1) {
      throw new ParameterException(spec.commandLine(), "--rounds, --cells, --cell-steps and --sweep-rounds must be at"
          + " least 1, got " + rounds + ", " + cells + ", " + cellSteps + " and " + sweepRounds);
    }
    int threadCount = threads != null ? threads : SessionSettings.threadsPerJob(1);
    String problem = Sessions.threadCountProblem("--threads", threadCount);
    if (problem != null) {
      throw new ParameterException(spec.commandLine(), problem);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path folder = Files.createTempDirectory("jgan-bench-cluster-");
    // Kept when a line fails, for its logs (the error names them); removed after a run that worked.
    try (LoopbackWorkers workers = LoopbackWorkers.start(folder, WORKERS)) {
      out.printf("# cluster: %d jgan server workers on 127.0.0.1, processors=%d%n", WORKERS,
          Runtime.getRuntime().availableProcessors());
      if (lines.contains("step")) {
        step(ClusterSpec.read(workers.clusterFile(WORKERS)), SessionSettings.cpu(threadCount), out);
      }
      if (lines.contains("sweep")) {
        sweep(workers, folder, out);
      }
    }
    CheckpointStore.deleteTree(folder);
    return 0;
  }

  /** Local fused, local unfused and data-parallel toy8 WGAN-GP iterations, interleaved. */
  private void step(ClusterSpec cluster, SessionSettings settings, PrintWriter out) {
    ModelSpec model = BenchModels.spec("toy8", batch);
    try (Trainer fused = new Trainer(model, toy8(), settings, Execution.FUSED);
        Trainer unfused = new Trainer(model, toy8(), settings, Execution.UNFUSED);
        Trainer distributed = new Trainer(model, toy8(), settings, Towers.ofCluster(cluster))) {
      Trainer[] all = {fused, unfused, distributed};
      for (Trainer trainer : all) {
        trainer.planIterations(1_000_000);
        for (int i = 0; i < WARMUP; i++) {
          trainer.iterate();
        }
      }
      BenchTiming.PerIteration[] ms = BenchTiming.medianPerIteration(all, rounds, BLOCK);
      double cluster2 = ms[2].wallMillis();
      out.printf("cluster step toy8-wgan-gp batch=%d local_fused_ms=%.3f local_unfused_ms=%.3f cluster_ms=%.3f "
          + "overhead=%.2f overhead_unfused=%.2f (cluster over local, median of %d rounds)%n", batch, ms[0].wallMillis(),
          ms[1].wallMillis(), cluster2, cluster2 / ms[0].wallMillis(), cluster2 / ms[1].wallMillis(), rounds);
      out.flush();
    }
  }

  private BatchSource toy8() {
    return ToyDistribution.EIGHT_GAUSSIANS.batches(batch, TrainingSettings.SEED);
  }

  /**
   * The same tiny sweep on one worker and on two, each time into a fresh folder; rounds alternate
   * which goes first, so a load that comes and goes falls on both alike.
   */
  private void sweep(LoopbackWorkers workers, Path folder, PrintWriter out) throws Exception {
    Path file = Files.writeString(folder.resolve("sweep.yaml"), sweepFile(), StandardCharsets.UTF_8);
    ExperimentFile experiment = ExperimentFile.read(file, false);
    int[] counts = {1, WORKERS};
    double[][] seconds = new double[counts.length][sweepRounds];
    for (int round = 0; round < sweepRounds; round++) {
      for (int k = 0; k < counts.length; k++) {
        int which = round % 2 == 0 ? k : counts.length - 1 - k;
        String name = "sweep-" + counts[which] + "-" + round;
        seconds[which][round] = sweepSeconds(experiment, ClusterSpec.read(workers.clusterFile(counts[which])),
            folder.resolve(name), folder.resolve(name + ".log"));
      }
    }
    double one = BenchTiming.median(seconds[0]);
    double two = BenchTiming.median(seconds[1]);
    out.printf("cluster sweep cells=%d steps=%d workers_1_s=%.1f workers_%d_s=%.1f speedup=%.2f (wall time, 1 worker"
        + " over %d, median of %d round(s))%n", cells, cellSteps, one, WORKERS, two, one / two, WORKERS, sweepRounds);
    out.flush();
  }

  /** A sweep of {@code --cells} small toy cells (seeds 1 to N), as the README's sweep measurement used. */
  private String sweepFile() {
    StringBuilder seeds = new StringBuilder();
    for (int seed = 1; seed <= cells; seed++) {
      seeds.append(seed == 1 ? "" : ", ").append(seed);
    }
    return "name: bench-cluster\n"
        + "grid:\n"
        + "  objective: [gan-ns]\n"
        + "seeds: [" + seeds + "]\n"
        + "train: {steps: " + cellSteps + ", width: 8, batch: 16}\n"
        + "eval: {metrics: [toy], n: 200}\n";
  }

  /** Seconds {@code experiment} takes on {@code cluster}, its progress into {@code log}. */
  private static double sweepSeconds(ExperimentFile experiment, ClusterSpec cluster, Path out, Path log) throws Exception {
    try (PrintWriter console = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      long start = System.nanoTime();
      List<String> failed = new ExperimentRunner(experiment, out, 1, null, console).withCluster(cluster)
          .withProgress(ProgressReporter.forConsole(console, true)).run();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!failed.isEmpty()) {
        throw new IOException("bench sweep on " + cluster.taskCount(ClusterSpec.WORKER) + " worker(s): cells "
            + String.join(", ", failed) + " failed (see their train.log under " + out + ")");
      }
      return seconds;
    }
  }
}
