package org.jgan.tools;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.jgan.training.Trainer;

/** Timing helpers of the bench lines: medians of blocks of whole iterations, and straight-line fits. */
final class BenchTiming {
  private BenchTiming() {}

  /**
   * Medians per iteration of one trainer.
   *
   * @param wallMillis elapsed milliseconds, the median of the rounds
   * @param cpuMillis milliseconds of processor time of the whole process (all its threads), over
   *     all rounds (the clock ticks too coarsely for one block); a busy machine disturbs it far
   *     less than elapsed time
   */
  record PerIteration(double wallMillis, double cpuMillis) {}

  /**
   * Times {@code trainers} against each other: each round runs a block of {@code perBlock}
   * iterations on each in turn, so a load that comes and goes slows them alike; returns each
   * trainer's times per iteration.
   */
  static PerIteration[] medianPerIteration(Trainer[] trainers, int rounds, int perBlock) {
    double[][] wall = new double[trainers.length][rounds];
    long[] cpuNanos = new long[trainers.length];
    for (int r = 0; r < rounds; r++) {
      for (int t = 0; t < trainers.length; t++) {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int i = 0; i < perBlock; i++) {
          trainers[t].iterate();
        }
        cpuNanos[t] += processCpuNanos() - cpuStart;
        wall[t][r] = (System.nanoTime() - start) / 1e6 / perBlock;
      }
    }
    PerIteration[] medians = new PerIteration[trainers.length];
    for (int t = 0; t < trainers.length; t++) {
      medians[t] = new PerIteration(median(wall[t]), cpuNanos[t] / 1e6 / ((double) rounds * perBlock));
    }
    return medians;
  }

  /** Processor time used by this process so far, or 0 where the JVM does not say. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /** The median of {@code values}. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The least-squares line through (x, y): {intercept, slope}. */
  static double[] fitLine(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double slope = sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }
}
