package org.jgan.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.data.fetch.DataDirectory;
import org.jgan.tools.cli.DataCommand;
import org.jgan.training.Trainer;
import org.jgan.training.Trainer.Execution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code jgan bench trace}: TensorFlow's full step trace of fused iterations through the real
 * {@link Trainer}: the ops an iteration executes, their summed kernel time against the step's
 * elapsed time, and the op types that take the most kernel time.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Step trace of fused iterations: ops executed, kernel time against elapsed, top op types.")
public final class BenchTrace implements Callable<Integer> {
  private static final int UNTRACED_BLOCK = 10;

  @Mixin
  BenchOptions options = new BenchOptions(32, 41, 100);

  @Option(names = "--models", split = ",", defaultValue = "toy8", description = "toy8 and/or mnist (default: ${DEFAULT-VALUE})")
  List<String> models;

  @Option(names = "--top", defaultValue = "10", description = "op types listed, the rest summed (default: ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--data", paramLabel = "DIR", description = DataCommand.DATA_HELP)
  Path data;

  @Override
  public Integer call() {
    options.check();
    BenchModels.checkNames(options.spec.commandLine(), models);
    if (top < 0) {
      throw new ParameterException(options.spec.commandLine(), "--top must be at least 0, got " + top);
    }
    PrintWriter out = options.out();
    out.printf("# trace: medians of %d fully traced fused iterations (each followed by %d untraced), after %d untraced; %s%n",
        options.steps, UNTRACED_BLOCK, options.warmup, options.describe());
    for (String model : models) {
      try (Trainer trainer = new Trainer(BenchModels.spec(model, options.batch),
          BenchModels.batches(model, options.batch, DataDirectory.orDefault(data)), options.settings(), Execution.FUSED)) {
        print(out, BenchModels.label(model) + " batch=" + options.batch,
            IterationTracer.trace(trainer, options.warmup, options.steps, UNTRACED_BLOCK));
      }
    }
    return 0;
  }

  private void print(PrintWriter out, String what, IterationTracer.Outcome outcome) {
    TraceSummary trace = outcome.trace();
    out.printf("trace %s ops_per_iteration=%d step_ms=%.3f kernel_ms=%.3f kernel_share=%.2f no_op_running_ms=%.3f "
        + "traced_iteration_ms=%.3f untraced_iteration_ms=%.3f%n", what, trace.ops(), trace.spanMillis(), trace.kernelMillis(),
        trace.kernelMillis() / trace.spanMillis(), trace.idleMillis(), outcome.tracedMillis(), outcome.untracedMillis());
    List<TraceSummary.TypeTime> types = trace.types();
    for (TraceSummary.TypeTime type : types.subList(0, Math.min(top, types.size()))) {
      out.printf("trace_op %s type=%s count=%d kernel_us=%.1f mean_us=%.2f%n", what, type.type(), type.count(),
          type.kernelMicros(), type.meanMicros());
    }
    if (types.size() > top) {
      List<TraceSummary.TypeTime> rest = types.subList(top, types.size());
      out.printf("trace_op %s type=other(%d_types) count=%d kernel_us=%.1f%n", what, rest.size(),
          rest.stream().mapToInt(TraceSummary.TypeTime::count).sum(),
          rest.stream().mapToDouble(TraceSummary.TypeTime::kernelMicros).sum());
    }
    out.flush();
  }
}
