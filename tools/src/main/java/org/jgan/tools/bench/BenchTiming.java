package org.jgan.tools.bench;

import java.util.Arrays;

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
}
