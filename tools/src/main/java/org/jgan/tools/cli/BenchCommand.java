package org.jgan.tools.cli;

import java.util.concurrent.Callable;
import org.jgan.losses.Objectives;
import org.jgan.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import org.jgan.tools.bench.BenchCluster;
import org.jgan.tools.bench.BenchDiscrete;
import org.jgan.tools.bench.BenchEval;
import org.jgan.tools.bench.BenchIteration;
import org.jgan.tools.bench.BenchMemory;
import org.jgan.tools.bench.BenchOptions;
import org.jgan.tools.bench.BenchStep;
import org.jgan.tools.bench.BenchTiming;
import org.jgan.tools.bench.BenchThreads;
import org.jgan.tools.bench.BenchTrace;
import org.jgan.tools.bench.ReferenceStep;

/**
 * {@code jgan bench}: the benchmark suite. Each line is its own subcommand and class, measured in
 * one process run and reported as medians, ratios or rates; with no subcommand, the median time of
 * the reference DCGAN-28 step through jgan's trainer.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {BenchStep.class, BenchIteration.class, BenchTrace.class, BenchThreads.class, BenchMemory.class, BenchEval.class, BenchDiscrete.class, BenchCluster.class},
    description = "Benchmarks: step | iteration | trace | threads | memory | eval | discrete | cluster; alone, times the reference DCGAN-28 step (ms_per_step <median>).")
public final class BenchCommand implements Callable<Integer> {
  @Mixin
  BenchOptions options = new BenchOptions(64, 60, 10);

  @Option(names = "--objective", defaultValue = "wgan-gp", description = "wgan-gp | gan | gan-ns | wgan (default: ${DEFAULT-VALUE})")
  String objective;

  @Override
  public Integer call() throws Exception {
    if (!Objectives.NAMES.contains(objective)) {
      throw new ParameterException(options.spec.commandLine(), "--objective: unknown objective '" + objective
          + "' (known: " + String.join(", ", Objectives.NAMES) + ")");
    }
    options.check();
    try {
      ReferenceStep.requireFits(objective, options.batch);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(options.spec.commandLine(), e.getMessage());
    }
    double[] millis = new double[options.steps];
    try (Trainer trainer = new Trainer(ReferenceStep.model(objective, options.batch),
        ReferenceStep.syntheticImages(options.batch, ReferenceStep.IMAGE_SHAPE), options.settings())) {
      for (int i = 0; i < options.warmup; i++) {
        trainer.iterate(false);
      }
      for (int i = 0; i < options.steps; i++) {
        millis[i] = BenchTiming.millis(() -> trainer.iterate(false));
      }
    }
    var out = options.out();
    out.printf("# objective=%s model=dcgan28 %s%n", objective, options.describe());
    out.printf("ms_per_step %.2f%n", BenchTiming.median(millis));
    out.flush();
    return 0;
  }
}
