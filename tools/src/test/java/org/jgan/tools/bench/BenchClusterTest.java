package org.jgan.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.tools.cli.CliRunner;
import org.junit.jupiter.api.Test;

/**
 * {@code jgan bench cluster} on tiny sizes: it starts its own loopback workers, prints both lines
 * with ratios that are the ratios of the times it prints, and stops the workers (the plumbing only,
 * never a speed).
 */
class BenchClusterTest {
  private static final String NUMBER = "(\\d+\\.\\d+)";

  @Test
  void printsTheStepOverheadAndTheSweepSpeedUpAndStopsItsWorkers() {
    CliRunner.Outcome run = CliRunner.run("bench", "cluster", "--batch", "4", "--rounds", "1", "--cells", "2",
        "--cell-steps", "5", "--threads", "1");
    assertEquals(0, run.exitCode(), run.err() + run.out());

    Matcher step = find(run.out(), "cluster step toy8-wgan-gp batch=4 local_fused_ms=" + NUMBER + " local_unfused_ms="
        + NUMBER + " cluster_ms=" + NUMBER + " overhead=" + NUMBER + " overhead_unfused=" + NUMBER + " .*");
    double fused = Double.parseDouble(step.group(1));
    double unfused = Double.parseDouble(step.group(2));
    double cluster = Double.parseDouble(step.group(3));
    assertTrue(fused > 0 && unfused > 0 && cluster > 0, step.group());
    assertEquals(cluster / fused, Double.parseDouble(step.group(4)), 0.01 + 0.002 * cluster / fused, step.group());
    assertEquals(cluster / unfused, Double.parseDouble(step.group(5)), 0.01 + 0.002 * cluster / unfused, step.group());

    Matcher sweep = find(run.out(), "cluster sweep cells=2 steps=5 workers_1_s=(\\d+\\.\\d) workers_2_s=(\\d+\\.\\d) speedup="
        + NUMBER + " .*");
    double one = Double.parseDouble(sweep.group(1));
    double two = Double.parseDouble(sweep.group(2));
    assertTrue(one > 0 && two > 0, sweep.group());
    // The times are printed to 0.1 s, the ratio from the unrounded ones.
    double ratio = one / two;
    assertEquals(ratio, Double.parseDouble(sweep.group(3)), 0.01 + ratio * (0.05 / one + 0.05 / two), sweep.group());

    List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("jgan-bench-cluster-")).toList();
    assertEquals(List.of(), left, "the bench's workers are still running");
  }

  @Test
  void refusesABatchTheWorkersCannotSplitBeforeStartingAnything() {
    CliRunner.Outcome run = CliRunner.run("bench", "cluster", "--batch", "3");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--batch 3 must split evenly"), run.err());
  }

  private static Matcher find(String out, String line) {
    Matcher m = Pattern.compile("(?m)^" + line + "$").matcher(out);
    assertTrue(m.find(), "no line like '" + line + "' in:\n" + out);
    return m;
  }
}
