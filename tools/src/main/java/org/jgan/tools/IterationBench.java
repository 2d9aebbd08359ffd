package org.jgan.tools;

import java.io.PrintWriter;
import org.jgan.data.BatchSource;
import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelRange;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import org.jgan.training.Trainer.Execution;

/**
 * {@code jgan bench iteration}: whole training iterations through the real {@link Trainer}, one
 * session run per phase run (unfused) against one per iteration (fused), on the models
 * {@code jgan train} builds: toy8 WGAN-GP at batch 8, 32 and 256, whose fit of time against batch
 * gives the fixed cost of an iteration as its intercept, and MNIST WGAN-GP on DCGAN-28 (five
 * critic updates per iteration, batch 64, the training set held in the graph when fused).
 */
final class IterationBench implements BenchLine {
  static final int[] TOY_BATCHES = {8, 32, 256};
  private static final int TOY_WARMUP = 20;
  private static final int TOY_BLOCK = 20;
  private static final int MNIST_BATCH = 64;
  private static final int MNIST_WARMUP = 2;
  private static final int MNIST_BLOCK = 2;

  @Override
  public void run(Settings settings, PrintWriter out) {
    out.printf("# iteration: median ms per whole iteration over %d rounds, unfused (a session run per phase run) "
        + "vs fused (one per iteration), threads=%d%n", settings.rounds(), settings.threads());
    if (settings.models().contains("toy8")) {
      toy8(settings, out);
    }
    if (settings.models().contains("mnist")) {
      mnist(settings, out);
    }
  }

  private static void toy8(Settings settings, PrintWriter out) {
    double[] batches = new double[TOY_BATCHES.length];
    double[][] wall = new double[2][TOY_BATCHES.length];
    double[][] cpu = new double[2][TOY_BATCHES.length];
    for (int i = 0; i < TOY_BATCHES.length; i++) {
      int batch = TOY_BATCHES[i];
      BenchTiming.PerIteration[] ms = compare(toy8Spec(batch),
          () -> ToyDistribution.EIGHT_GAUSSIANS.batches(batch, Defaults.SEED), settings, TOY_WARMUP, TOY_BLOCK);
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

  private static void mnist(Settings settings, PrintWriter out) {
    ModelSpec spec = new ModelSpec(Objectives.named("wgan-gp"), new Dcgan28(), new int[] {28, 28, 1}, Activation.tanh(),
        NoisePrior.normal(100), MNIST_BATCH, Defaults.SEED);
    BenchTiming.PerIteration[] ms = compare(spec, () -> NamedDatasets.trainingBatches("mnist", settings.dataDir(),
        MNIST_BATCH, Defaults.SEED, PixelRange.MINUS_ONE_ONE), settings, MNIST_WARMUP, MNIST_BLOCK);
    print(out, "mnist-wgan-gp-dcgan28 batch=" + MNIST_BATCH + " n_critic=5", ms);
  }

  private static void print(PrintWriter out, String what, BenchTiming.PerIteration[] ms) {
    out.printf("iteration %s unfused_ms=%.3f fused_ms=%.3f speedup=%.2f cpu_unfused_ms=%.3f cpu_fused_ms=%.3f "
        + "cpu_speedup=%.2f%n", what, ms[0].wallMillis(), ms[1].wallMillis(), ms[0].wallMillis() / ms[1].wallMillis(),
        ms[0].cpuMillis(), ms[1].cpuMillis(), ms[0].cpuMillis() / ms[1].cpuMillis());
    out.flush();
  }

  /** The model {@code jgan train --objective wgan-gp --dataset toy8} builds, at {@code batch}. */
  static ModelSpec toy8Spec(int batch) {
    Defaults.Training d = Defaults.training("toy8", "wgan-gp", "mlp");
    return new ModelSpec(Objectives.named("wgan-gp", new ObjectiveOptions(null, d.learningRate(), d.linearDecay(),
        d.gpWeight(), null)), new Mlp(d.width(), d.depth()), new int[] {2}, Activation.identity(),
        NoisePrior.normal(d.zDim()), batch, Defaults.SEED);
  }

  /** Median ms per iteration of {@code spec} unfused, then fused (default execution), each trainer on its own data. */
  private static BenchTiming.PerIteration[] compare(ModelSpec spec, java.util.function.Supplier<BatchSource> data, Settings settings,
      int warmup, int block) {
    try (Trainer unfused = new Trainer(spec, data.get(), settings.threads(), Execution.UNFUSED);
        Trainer fused = new Trainer(spec, data.get(), settings.threads())) {
      Trainer[] both = {unfused, fused};
      for (Trainer trainer : both) {
        trainer.planIterations(1_000_000);
        for (int i = 0; i < warmup; i++) {
          trainer.iterate();
        }
      }
      return BenchTiming.medianPerIteration(both, settings.rounds(), block);
    }
  }
}
