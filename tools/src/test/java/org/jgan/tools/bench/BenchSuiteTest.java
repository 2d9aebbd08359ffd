package org.jgan.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.jgan.tools.cli.CliRunner;

/** The {@code jgan bench} lines run on tiny settings and print their ratios and rates. */
class BenchSuiteTest {
  /**
   * Multiply-adds of one GAN DCGAN-28 step per example, by hand. Forward: G = 100 x 3136 (dense)
   * + 7 x 7 x 64 x 16 x 32 + 14 x 14 x 32 x 16 (transposed convolutions) = 2,019,584;
   * D = 14 x 14 x 32 x 16 + 7 x 7 x 64 x 16 x 32 + 3136 = 1,709,120. Critic update: G, D on real
   * and fake, and per D pass the weight and input gradients of the dense layer and second
   * convolution and the weight gradient of the first (no image gradient): 3,317,888, so
   * 2,019,584 + 2 x 1,709,120 + 2 x 3,317,888 = 12,073,600. Generator update: G, D on fake, D's
   * input gradients (1,709,120) and G's weight and input gradients but not z's (3,725,568):
   * 9,163,392.
   */
  private static final long GAN_STEP_MULTIPLY_ADDS_PER_EXAMPLE = 12_073_600L + 9_163_392L;

  private static double value(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + key + " (\\S+)$").matcher(out);
    assertTrue(m.find(), key + " missing from:\n" + out);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void stepComparesJganWithThePlainGraphAndTheFlopLimit() {
    CliRunner.Outcome gan = CliRunner.run("bench", "step", "--objective", "gan", "--batch", "2", "--steps", "3",
        "--warmup", "1", "--threads", "1");
    assertEquals(0, gan.exitCode(), gan.err());
    assertEquals(2 * GAN_STEP_MULTIPLY_ADDS_PER_EXAMPLE, (long) value(gan.out(), "multiply_adds_per_step"));
    double overhead = value(gan.out(), "overhead_jgan_over_plain");
    assertEquals(value(gan.out(), "jgan_ms_per_step") / value(gan.out(), "plain_ms_per_step"), overhead, 0.01);
    assertTrue(value(gan.out(), "matmul_gflops") > 0);
    assertTrue(value(gan.out(), "jgan_over_flop_limit") > 0);
    CliRunner.Outcome wganGp = CliRunner.run("bench", "step", "--batch", "2", "--steps", "2", "--warmup", "0",
        "--threads", "1");
    assertEquals(0, wganGp.exitCode(), wganGp.err());
    assertTrue(value(wganGp.out(), "multiply_adds_per_step") > 2 * GAN_STEP_MULTIPLY_ADDS_PER_EXAMPLE,
        "the gradient penalty's extra passes cost more than a GAN step");
  }

  /**
   * Adam updates one toy8 WGAN-GP iteration applies: the critic's and the generator's MLPs each
   * have 4 dense layers of a kernel and a bias (8 variables), the critic updated 5 times, the
   * generator once: 6 x 8.
   */
  private static final int TOY8_ADAM_UPDATES_PER_ITERATION = 48;

  private static Map<String, Integer> opCounts(String out) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^trace_op toy8-wgan-gp batch=8 type=(\\S+) count=(\\d+) kernel_us=\\S+").matcher(out);
    while (m.find()) {
      counts.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return counts;
  }

  @Test
  void traceCountsEveryOpOfAFusedIteration() {
    CliRunner.Outcome all = CliRunner.run("bench", "trace", "--batch", "8", "--steps", "2", "--warmup", "1",
        "--threads", "1", "--top", "1000");
    assertEquals(0, all.exitCode(), all.err());
    Matcher line = Pattern.compile("(?m)^trace toy8-wgan-gp batch=8 ops_per_iteration=(\\d+) step_ms=(\\S+) kernel_ms=(\\S+) "
        + "kernel_share=\\S+ no_op_running_ms=(\\S+) ").matcher(all.out());
    assertTrue(line.find(), all.out());
    int ops = Integer.parseInt(line.group(1));
    double step = Double.parseDouble(line.group(2));
    double idle = Double.parseDouble(line.group(4));
    assertTrue(Double.parseDouble(line.group(3)) > 0 && idle >= 0 && idle < step, all.out());
    Map<String, Integer> counts = opCounts(all.out());
    assertEquals(ops, counts.values().stream().mapToInt(Integer::intValue).sum(), "op types add up to the total: " + counts);
    assertEquals(TOY8_ADAM_UPDATES_PER_ITERATION, counts.get("ApplyAdam"), all.out());
    assertTrue(!counts.containsKey("Shape") && !counts.containsKey("BroadcastGradientArgs"),
        "static shapes fold the gradients' shape plumbing (ExecutedOpsTest): " + counts);

    CliRunner.Outcome top = CliRunner.run("bench", "trace", "--batch", "8", "--steps", "1", "--warmup", "0",
        "--threads", "1", "--top", "2");
    assertEquals(0, top.exitCode(), top.err());
    Map<String, Integer> listed = opCounts(top.out());
    assertEquals(3, listed.size(), "two types and the rest: " + top.out());
    assertEquals(ops, listed.values().stream().mapToInt(Integer::intValue).sum(), "the rest completes the count: " + top.out());
  }

  @Test
  void threadsTimesEachCountWithItsOwnPoolInAChildProcess() {
    CliRunner.Outcome threads = CliRunner.run("bench", "threads", "--models", "toy8", "--rounds", "1");
    assertEquals(0, threads.exitCode(), threads.err() + threads.out());
    assertTrue(threads.out().contains("a pool per session (TF_OVERRIDE_GLOBAL_THREADPOOL=1)"), threads.out());
    for (String what : new String[] {"batch=8", "batch=32", "batch=256", "fixed_cost"}) {
      Matcher m = Pattern.compile("(?m)^threads toy8-wgan-gp " + what + " ms_1=(\\S+) ms_2=(\\S+) cpu_ms_1=(\\S+) cpu_ms_2=(\\S+) "
          + "ratio_2_over_1=(\\S+) cpu_ratio_2_over_1=(\\S+)$").matcher(threads.out());
      assertTrue(m.find(), what + " missing from:\n" + threads.out());
      double[] v = new double[6];
      for (int i = 0; i < 6; i++) {
        v[i] = Double.parseDouble(m.group(i + 1));
      }
      assertEquals(v[1] / v[0], v[4], 0.01 + 0.01 * Math.abs(v[4]), what);
      assertEquals(v[3] / v[2], v[5], 0.01 + 0.01 * Math.abs(v[5]), what);
      if (!what.equals("fixed_cost")) {
        assertTrue(v[0] > 0 && v[1] > 0 && v[2] > 0 && v[3] > 0, what + ": " + threads.out());
      }
    }
  }

  @Test
  void discreteAndEvalPrintRates() {
    CliRunner.Outcome discrete = CliRunner.run("bench", "discrete", "--batch", "2", "--samples-per-z", "3",
        "--steps", "2", "--warmup", "1");
    assertEquals(0, discrete.exitCode(), discrete.err());
    assertTrue(value(discrete.out(), "iterations_per_second") > 0);
    CliRunner.Outcome eval = CliRunner.run("bench", "eval", "--points", "300", "--ms-ssim-pairs", "20",
        "--steps", "1", "--warmup", "0");
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(value(eval.out(), "parzen_pairs_per_second") > 0);
    assertTrue(value(eval.out(), "ms_ssim_pairs_per_second") > 0);
  }

  @Test
  void badSettingsAreRefusedNamingTheFlag() {
    CliRunner.Outcome objective = CliRunner.run("bench", "step", "--objective", "ebgan");
    assertEquals(2, objective.exitCode());
    assertTrue(objective.err().contains("--objective"), objective.err());
    CliRunner.Outcome counts = CliRunner.run("bench", "threads", "--counts", "1,0");
    assertEquals(2, counts.exitCode());
    assertTrue(counts.err().contains("--counts") && counts.err().contains("got 0"), counts.err());
    CliRunner.Outcome steps = CliRunner.run("bench", "discrete", "--steps", "0");
    assertEquals(2, steps.exitCode());
    assertTrue(steps.err().contains("--steps"), steps.err());
    for (String line : List.of("iteration", "memory", "cluster", "step")) {
      // Too few threads is its own message, not the too-many one (which it used to borrow).
      CliRunner.Outcome none = CliRunner.run("bench", line, "--threads", "0");
      assertEquals(2, none.exitCode(), line);
      assertTrue(none.err().contains("--threads must be at least 1, got 0") && !none.err().contains("more than"),
          line + ": " + none.err());
    }
    assumeFalse(Boolean.getBoolean("jgan.gpu.build"), "the CUDA build (mvn -Pgpu) may well see a GPU");
    for (String line : List.of("eval", "iteration", "memory")) {
      CliRunner.Outcome gpu = CliRunner.run("bench", line, "--device", "gpu");
      assertEquals(2, gpu.exitCode(), line);
      assertTrue(gpu.err().contains("--device gpu") && gpu.err().contains("CUDA 12"), line + ": " + gpu.err());
    }
  }
}
