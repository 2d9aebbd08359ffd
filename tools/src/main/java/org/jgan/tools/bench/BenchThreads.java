package org.jgan.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jgan.data.fetch.DataDirectory;
import org.jgan.graphs.Sessions;
import org.jgan.tools.cli.DataCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jgan bench threads}: fused training iterations on 1 against 2 (or any) intra-op threads,
 * measured side by side in one process with a pool per session ({@link PerSessionPools}; a
 * process without one reruns the line in a child that has them): toy8 WGAN-GP at the
 * {@link BenchIteration#TOY_BATCHES} and their fixed cost, and MNIST WGAN-GP on DCGAN-28.
 */
@Command(name = "threads", mixinStandardHelpOptions = true,
    description = "Fused iterations on each intra-op thread count, side by side with a pool per session; ratios to the first count.")
public final class BenchThreads implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--models", split = ",", defaultValue = "toy8,mnist", description = "toy8 and/or mnist (default: ${DEFAULT-VALUE})")
  List<String> models;

  @Option(names = "--counts", split = ",", defaultValue = "1,2",
      description = "intra-op thread counts compared, ratios to the first (default: ${DEFAULT-VALUE})")
  List<Integer> counts;

  @Option(names = "--rounds", defaultValue = "15", description = "timed rounds, median reported (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--data", paramLabel = "DIR", description = DataCommand.DATA_HELP)
  Path data;

  @Override
  public Integer call() throws Exception {
    check();
    Path dataDir = DataDirectory.orDefault(data);
    PrintWriter out = spec.commandLine().getOut();
    if (!PerSessionPools.active()) {
      List<String> args = new ArrayList<>(List.of("bench", "threads", "--models", String.join(",", models), "--counts",
          joined(counts), "--rounds", Integer.toString(rounds)));
      if (dataDir != null) {
        args.addAll(List.of("--data", dataDir.toAbsolutePath().toString()));
      }
      int status = PerSessionPools.runInChild(args, out);
      if (status != 0) {
        throw new IllegalStateException("jgan bench threads: its child process (" + PerSessionPools.VARIABLE + "=1) exited with "
            + status);
      }
      return 0;
    }
    out.printf("# threads: fused iterations, one trainer per intra-op thread count (%s), a pool per session (%s=1), "
        + "blocks interleaved over %d rounds; elapsed ms median, processor ms mean; ratios to %d thread(s)%n",
        joined(counts), PerSessionPools.VARIABLE, rounds, counts.get(0));
    if (models.contains("toy8")) {
      toy8(out);
    }
    if (models.contains("mnist")) {
      var ms = ThreadCounts.compare(BenchModels.spec("mnist", BenchIteration.MNIST_BATCH),
          () -> BenchModels.batches("mnist", BenchIteration.MNIST_BATCH, dataDir), counts, BenchIteration.MNIST_WARMUP,
          rounds, BenchIteration.MNIST_BLOCK);
      print(out, BenchModels.label("mnist") + " batch=" + BenchIteration.MNIST_BATCH, wall(ms), cpu(ms));
    }
    return 0;
  }

  private void check() {
    BenchModels.checkNames(spec.commandLine(), models);
    for (int count : counts) {
      String problem = Sessions.threadCountProblem("--counts", count);
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), problem);
      }
    }
    if (rounds < 1) {
      throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, got " + rounds);
    }
  }

  private void toy8(PrintWriter out) {
    int[] batches = BenchIteration.TOY_BATCHES;
    double[] x = new double[batches.length];
    double[][] wall = new double[counts.size()][batches.length];
    double[][] cpu = new double[counts.size()][batches.length];
    for (int b = 0; b < batches.length; b++) {
      int batch = batches[b];
      x[b] = batch;
      var ms = ThreadCounts.compare(BenchModels.spec("toy8", batch), () -> BenchModels.batches("toy8", batch, null), counts,
          BenchIteration.TOY_WARMUP, rounds, BenchIteration.TOY_BLOCK);
      for (int c = 0; c < counts.size(); c++) {
        wall[c][b] = ms[c].wallMillis();
        cpu[c][b] = ms[c].cpuMillis();
      }
      print(out, BenchModels.label("toy8") + " batch=" + batch, wall(ms), cpu(ms));
    }
    double[] fixedWall = new double[counts.size()];
    double[] fixedCpu = new double[counts.size()];
    for (int c = 0; c < counts.size(); c++) {
      fixedWall[c] = BenchTiming.fitLine(x, wall[c])[0];
      fixedCpu[c] = BenchTiming.fitLine(x, cpu[c])[0];
    }
    print(out, BenchModels.label("toy8") + " fixed_cost", fixedWall, fixedCpu);
  }

  private void print(PrintWriter out, String what, double[] wall, double[] cpu) {
    StringBuilder line = new StringBuilder("threads " + what);
    for (int c = 0; c < counts.size(); c++) {
      line.append(String.format(" ms_%d=%.3f", counts.get(c), wall[c]));
    }
    for (int c = 0; c < counts.size(); c++) {
      line.append(String.format(" cpu_ms_%d=%.3f", counts.get(c), cpu[c]));
    }
    for (int c = 1; c < counts.size(); c++) {
      line.append(String.format(" ratio_%d_over_%d=%.2f cpu_ratio_%d_over_%d=%.2f", counts.get(c), counts.get(0),
          wall[c] / wall[0], counts.get(c), counts.get(0), cpu[c] / cpu[0]));
    }
    out.println(line);
    out.flush();
  }

  private static double[] wall(BenchTiming.PerIteration[] ms) {
    return java.util.Arrays.stream(ms).mapToDouble(BenchTiming.PerIteration::wallMillis).toArray();
  }

  private static double[] cpu(BenchTiming.PerIteration[] ms) {
    return java.util.Arrays.stream(ms).mapToDouble(BenchTiming.PerIteration::cpuMillis).toArray();
  }

  private static String joined(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
