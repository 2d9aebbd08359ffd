package org.jgan.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.graphs.SessionSettings;
import org.jgan.tools.run.Memory;
import org.jgan.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jgan bench memory}: the process's resident memory before and after many fused toy8
 * WGAN-GP iterations (batch 32), counted from the end of a warm-up so graph building and the
 * JIT are not counted; a leak of native tensors would show as steady growth.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
    description = "Resident memory growth over many fused toy8 WGAN-GP iterations.")
public final class BenchMemory implements Callable<Integer> {
  private static final int BATCH = 32;
  private static final Path STATUS = Path.of("/proc/self/status");

  @Spec
  CommandSpec spec;

  @Option(names = "--iterations", defaultValue = "10000", description = "fused iterations measured (default: ${DEFAULT-VALUE})")
  int iterations;

  @Mixin
  BenchSession session;

  @Override
  public Integer call() throws IOException {
    if (iterations < 1) {
      throw new ParameterException(spec.commandLine(), "--iterations must be at least 1, got " + iterations);
    }
    SessionSettings settings = session.settings(spec);
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isReadable(STATUS)) {
      out.println("memory unavailable: no " + STATUS + " on this system");
      return 0;
    }
    int warmup = Math.max(100, iterations / 10);
    try (Trainer trainer = new Trainer(BenchModels.spec("toy8", BATCH),
        BenchModels.batches("toy8", BATCH, null), settings)) {
      trainer.planIterations(warmup + iterations);
      for (int i = 0; i < warmup; i++) {
        trainer.iterate(false);
      }
      long before = residentBytes();
      for (int i = 0; i < iterations; i++) {
        trainer.iterate(false);
      }
      long after = residentBytes();
      out.printf("memory toy8-wgan-gp batch=%d fused_iterations=%d rss_start=%s rss_end=%s growth_pct=%.2f%n", BATCH,
          iterations, Memory.format(before), Memory.format(after), 100.0 * (after - before) / before);
      out.flush();
    }
    return 0;
  }

  /** VmRSS of this process. */
  static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException(STATUS + " has no VmRSS line");
  }
}
