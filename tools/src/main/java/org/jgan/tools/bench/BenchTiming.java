package org.jgan.tools.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.jgan.training.Trainer;

/** Timing helpers shared by the {@code jgan bench} lines: each line reports medians, never means. */
public final class BenchTiming {
  private BenchTiming() {}

  /** One timed piece of work. */
  public interface Work {
    void run() throws Exception;
  }

  /** The median of {@code values} (not changed). */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Milliseconds {@code work} takes, once. */
  public static double millis(Work work) throws Exception {
    long t0 = System.nanoTime();
    work.run();
    return (System.nanoTime() - t0) / 1e6;
  }

  /**
   * Median milliseconds of each of {@code works} over {@code repeats} rounds, after
   * {@code warmup} untimed rounds. Rounds interleave the works (a, b, a, b, ...), so a load that
   * comes and goes on a shared machine falls on all of them alike and their ratio stays fair.
   */
  static double[] interleavedMedians(int warmup, int repeats, Work... works) throws Exception {
    for (int i = 0; i < warmup; i++) {
      for (Work w : works) {
        w.run();
      }
    }
    double[][] times = new double[works.length][repeats];
    for (int i = 0; i < repeats; i++) {
      for (int k = 0; k < works.length; k++) {
        times[k][i] = millis(works[k]);
      }
    }
    double[] medians = new double[works.length];
    for (int k = 0; k < works.length; k++) {
      medians[k] = median(times[k]);
    }
    return medians;
  }

  /**
   * Medians per iteration of one trainer.
   *
   * @param wallMillis elapsed milliseconds, the median of the rounds
   * @param cpuMillis milliseconds of processor time of the whole process (all its threads), over
   *     all rounds (the clock ticks too coarsely for one block); a busy machine disturbs it far
   *     less than elapsed time
   */
  public record PerIteration(double wallMillis, double cpuMillis) {}

  /**
   * Times {@code trainers} against each other: each round runs a block of {@code perBlock}
   * iterations on each in turn, so a load that comes and goes slows them alike; returns each
   * trainer's times per iteration. The iterations fetch no scalar, as a training run's iterations
   * between its logging steps.
   */
  public static PerIteration[] medianPerIteration(Trainer[] trainers, int rounds, int perBlock) {
    double[][] wall = new double[trainers.length][rounds];
    long[] cpuNanos = new long[trainers.length];
    for (int r = 0; r < rounds; r++) {
      for (int t = 0; t < trainers.length; t++) {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int i = 0; i < perBlock; i++) {
          trainers[t].iterate(false);
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
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /** The least-squares line through (x, y): {intercept, slope}. */
  public static double[] fitLine(double[] x, double[] y) {
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
