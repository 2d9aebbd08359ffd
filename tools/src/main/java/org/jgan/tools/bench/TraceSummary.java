package org.jgan.tools.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Medians over many traced iterations of one model: what an iteration executes and where its
 * kernel time goes, op type by op type, most time first.
 *
 * @param ops median ops executed per iteration
 * @param spanMillis median traced step, first op start to last op end
 * @param kernelMillis median summed kernel time
 * @param idleMillis median time in the step with no op open
 * @param types every op type executed, most kernel time first
 */
public record TraceSummary(int ops, double spanMillis, double kernelMillis, double idleMillis, List<TypeTime> types) {
  /**
   * One op type over the iterations.
   *
   * @param type the op type
   * @param count median ops of this type per iteration
   * @param kernelMicros median summed kernel time of those ops per iteration
   */
  public record TypeTime(String type, int count, double kernelMicros) {
    /** Kernel microseconds per op. */
    public double meanMicros() {
      return kernelMicros / count;
    }
  }

  /** The medians of {@code traces} (at least one). */
  public static TraceSummary of(List<StepTrace> traces) {
    Set<String> names = new TreeSet<>();
    traces.forEach(t -> names.addAll(t.byType().keySet()));
    List<TypeTime> types = new ArrayList<>();
    for (String name : names) {
      int count = (int) Math.round(median(traces, t -> opTime(t, name).count()));
      types.add(new TypeTime(name, count, median(traces, t -> opTime(t, name).kernelMicros())));
    }
    types.sort(Comparator.comparingDouble(TypeTime::kernelMicros).reversed().thenComparing(TypeTime::type));
    return new TraceSummary((int) Math.round(median(traces, StepTrace::ops)), median(traces, StepTrace::spanMicros) / 1e3,
        median(traces, StepTrace::kernelMicros) / 1e3, median(traces, StepTrace::idleMicros) / 1e3, types);
  }

  private static StepTrace.OpTime opTime(StepTrace trace, String type) {
    return trace.byType().getOrDefault(type, new StepTrace.OpTime(0, 0));
  }

  private static double median(List<StepTrace> traces, ToDoubleFunction<StepTrace> value) {
    return BenchTiming.median(traces.stream().mapToDouble(value).toArray());
  }
}
