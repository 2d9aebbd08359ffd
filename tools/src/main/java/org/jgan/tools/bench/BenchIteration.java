package org.jgan.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jgan.data.BatchSource;
import org.jgan.data.fetch.DataDirectory;
import org.jgan.graphs.SessionSettings;
import org.jgan.tools.cli.DataCommand;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import org.jgan.training.Trainer.Execution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jgan bench iteration}: whole training iterations through the real {@link Trainer}, one
 * session run per phase run (unfused) against one per iteration (fused), on the models
 * {@code jgan train} builds: toy8 WGAN-GP at batch 8, 32 and 256, whose fit of time against batch
 * gives the fixed cost of an iteration as its intercept, and MNIST WGAN-GP on DCGAN-28 (five
 * critic updates per iteration, batch 64, the training set held in the graph when fused).
 */
@Command(name = "iteration", mixinStandardHelpOptions = true,
    description = "Whole training iterations, fused (one session run each) against unfused; toy8 fixed cost per iteration.")
public final class BenchIteration implements Callable<Integer> {
  /** The toy8 batch sizes whose times the fixed cost is fitted through. */
  public static final int[] TOY_BATCHES = {8, 32, 256};
  // Warm-up iterations and iterations per timed block, shared with BenchThreads.
  static final int TOY_WARMUP = 20;
  static final int TOY_BLOCK = 20;
  static final int MNIST_BATCH = 64;
  static final int MNIST_WARMUP = 2;
  static final int MNIST_BLOCK = 2;

  @Spec
  CommandSpec spec;

  @Option(names = "--models", split = ",", defaultValue = "toy8,mnist",
      description = "toy8 and/or mnist (default: ${DEFAULT-VALUE})")
  List<String> models;

  @Option(names = "--rounds", defaultValue = "15", description = "timed rounds, median reported (default: ${DEFAULT-VALUE})")
  int rounds;

  @Mixin
  BenchSession session;

  @Option(names = "--caller-thread",
      description = "run each op in the calling thread instead of the one-thread inter-op pool training uses")
  boolean callerThread;

  @Option(names = "--data", paramLabel = "DIR", description = DataCommand.DATA_HELP)
  Path data;

  @Override
  public Integer call() {
    BenchModels.checkNames(spec.commandLine(), models);
    if (rounds < 1) {
      throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, got " + rounds);
    }
    SessionSettings settings = session.settings(spec).withCallerThread(callerThread);
    Path dataDir = DataDirectory.orDefault(data);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("# iteration: median ms per whole iteration over %d rounds, unfused (a session run per phase run) "
        + "vs fused (one per iteration), threads=%d, device=%s, ops in %s%n", rounds, settings.threads(),
        session.device,
        callerThread ? "the caller's thread" : "a one-thread inter-op pool");
    if (models.contains("toy8")) {
      toy8(settings, out);
    }
    if (models.contains("mnist")) {
      mnist(settings, dataDir, out);
    }
    return 0;
  }

  private void toy8(SessionSettings settings, PrintWriter out) {
    double[] batches = new double[TOY_BATCHES.length];
    double[][] wall = new double[2][TOY_BATCHES.length];
    double[][] cpu = new double[2][TOY_BATCHES.length];
    for (int i = 0; i < TOY_BATCHES.length; i++) {
      int batch = TOY_BATCHES[i];
      BenchTiming.PerIteration[] ms = compare(BenchModels.spec("toy8", batch),
          () -> BenchModels.batches("toy8", batch, null), settings, TOY_WARMUP, TOY_BLOCK);
      batches[i] = batch;
      for (int mode = 0; mode < 2; mode++) {
        wall[mode][i] = ms[mode].wallMillis();
        cpu[mode][i] = ms[mode].cpuMillis();
      }
      print(out, "toy8-wgan-gp batch=" + batch, ms);
    }
    double[] u = BenchTiming.fitLine(batches, wall[0]);
    double[] f = BenchTiming.fitLine(batches, wall[1]);
    double[] uc = BenchTiming.fitLine(batches, cpu[0]);
    double[] fc = BenchTiming.fitLine(batches, cpu[1]);
    out.printf("iteration toy8-wgan-gp fixed_cost_ms unfused=%.3f fused=%.3f ratio=%.2f cpu_unfused=%.3f cpu_fused=%.3f "
        + "cpu_ratio=%.2f (intercepts of ms against batch)%n", u[0], f[0], u[0] / f[0], uc[0], fc[0], uc[0] / fc[0]);
    out.flush();
  }

  private void mnist(SessionSettings settings, Path dataDir, PrintWriter out) {
    BenchTiming.PerIteration[] ms = compare(BenchModels.spec("mnist", MNIST_BATCH),
        () -> BenchModels.batches("mnist", MNIST_BATCH, dataDir), settings, MNIST_WARMUP, MNIST_BLOCK);
    print(out, "mnist-wgan-gp-dcgan28 batch=" + MNIST_BATCH + " n_critic=5", ms);
  }

  private static void print(PrintWriter out, String what, BenchTiming.PerIteration[] ms) {
    out.printf("iteration %s unfused_ms=%.3f fused_ms=%.3f speedup=%.2f cpu_unfused_ms=%.3f cpu_fused_ms=%.3f "
        + "cpu_speedup=%.2f%n", what, ms[0].wallMillis(), ms[1].wallMillis(), ms[0].wallMillis() / ms[1].wallMillis(),
        ms[0].cpuMillis(), ms[1].cpuMillis(), ms[0].cpuMillis() / ms[1].cpuMillis());
    out.flush();
  }

  /** Median ms per iteration of {@code model} unfused, then fused, each trainer on its own data. */
  private BenchTiming.PerIteration[] compare(ModelSpec model, Supplier<BatchSource> data, SessionSettings settings,
      int warmup, int block) {
    try (Trainer unfused = new Trainer(model, data.get(), settings, Execution.UNFUSED);
        Trainer fused = new Trainer(model, data.get(), settings, Execution.FUSED)) {
      Trainer[] both = {unfused, fused};
      for (Trainer trainer : both) {
        trainer.planIterations(1_000_000);
        for (int i = 0; i < warmup; i++) {
          trainer.iterate(false);
        }
      }
      return BenchTiming.medianPerIteration(both, rounds, block);
    }
  }
}
