package org.jgan.tools.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * What TensorFlow's step trace says of one training iteration (one or more session runs): every op
 * it executed, the time its kernel ran, and how long the runs took from the first op's start to the
 * last op's end.
 *
 * @param ops ops executed
 * @param spanMicros summed over the runs, first op start to last op end
 * @param kernelMicros summed kernel times (each op's start to end of its compute)
 * @param idleMicros time within the spans when no op was open (the executor's hand-offs between ops)
 * @param byType kernel time and count per op type, by type name
 */
public record StepTrace(int ops, double spanMicros, double kernelMicros, double idleMicros, Map<String, OpTime> byType) {
  /**
   * One op type's share of a step.
   *
   * @param count ops of this type executed
   * @param kernelMicros their summed kernel time
   */
  public record OpTime(int count, double kernelMicros) {}

  /** The trace of an iteration whose session runs gave {@code runs}. */
  public static StepTrace of(List<RunMetadata> runs) {
    int ops = 0;
    double span = 0;
    double kernel = 0;
    double idle = 0;
    Map<String, OpTime> byType = new TreeMap<>();
    for (RunMetadata run : runs) {
      List<long[]> intervals = new ArrayList<>();
      for (DeviceStepStats device : run.getStepStats().getDevStatsList()) {
        for (NodeExecStats node : device.getNodeStatsList()) {
          long start = startNanos(node);
          long opStart = start + relativeNanos(node, node.getOpStartRelNanos(), node.getOpStartRelMicros());
          long opEnd = start + relativeNanos(node, node.getOpEndRelNanos(), node.getOpEndRelMicros());
          long end = start + relativeNanos(node, node.getAllEndRelNanos(), node.getAllEndRelMicros());
          double micros = (opEnd - opStart) / 1e3;
          ops++;
          kernel += micros;
          intervals.add(new long[] {start, Math.max(start, end)});
          byType.merge(type(node), new OpTime(1, micros),
              (a, b) -> new OpTime(a.count() + b.count(), a.kernelMicros() + b.kernelMicros()));
        }
      }
      if (!intervals.isEmpty()) {
        intervals.sort(Comparator.comparingLong(iv -> iv[0]));
        long first = intervals.get(0)[0];
        long last = intervals.stream().mapToLong(iv -> iv[1]).max().orElseThrow();
        span += (last - first) / 1e3;
        idle += (last - first - covered(intervals)) / 1e3;
      }
    }
    return new StepTrace(ops, span, kernel, idle, byType);
  }

  /** The op type, from the timeline label "name = Type(inputs)"; the node's name where there is none. */
  static String type(NodeExecStats node) {
    String label = node.getTimelineLabel();
    int eq = label.indexOf(" = ");
    int paren = label.indexOf('(', Math.max(eq, 0));
    return eq >= 0 && paren > eq ? label.substring(eq + 3, paren) : node.getNodeName();
  }

  // Newer runtimes record nanoseconds; where they are absent the microsecond fields are all there is.
  private static long startNanos(NodeExecStats node) {
    return node.getAllStartNanos() > 0 ? node.getAllStartNanos() : node.getAllStartMicros() * 1000;
  }

  private static long relativeNanos(NodeExecStats node, long nanos, long micros) {
    return node.getAllStartNanos() > 0 ? nanos : micros * 1000;
  }

  /** Length of the union of {@code intervals}, sorted by start. */
  private static long covered(List<long[]> intervals) {
    long total = 0;
    long start = intervals.get(0)[0];
    long end = intervals.get(0)[1];
    for (long[] iv : intervals) {
      if (iv[0] > end) {
        total += end - start;
        start = iv[0];
        end = iv[1];
      } else {
        end = Math.max(end, iv[1]);
      }
    }
    return total + end - start;
  }
}
