package org.jgan.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.data.ToyDistribution;
import org.jgan.training.Trainer;

/**
 * {@code jgan bench memory}: the process's resident memory before and after many fused toy8
 * WGAN-GP iterations (batch 32), counted from the end of a warm-up so graph building and the
 * JIT are not counted; a leak of native tensors would show as steady growth.
 */
final class MemoryBench implements BenchLine {
  private static final int BATCH = 32;
  private static final Path STATUS = Path.of("/proc/self/status");

  @Override
  public void run(Settings settings, PrintWriter out) throws IOException {
    if (!Files.isReadable(STATUS)) {
      out.println("memory unavailable: no " + STATUS + " on this system");
      return;
    }
    int warmup = Math.max(100, settings.iterations() / 10);
    try (Trainer trainer = new Trainer(IterationBench.toy8Spec(BATCH),
        ToyDistribution.EIGHT_GAUSSIANS.batches(BATCH, Defaults.SEED), settings.threads())) {
      trainer.planIterations(warmup + settings.iterations());
      for (int i = 0; i < warmup; i++) {
        trainer.iterate();
      }
      long before = residentBytes();
      for (int i = 0; i < settings.iterations(); i++) {
        trainer.iterate();
      }
      long after = residentBytes();
      out.printf("memory toy8-wgan-gp batch=%d fused_iterations=%d rss_start=%s rss_end=%s growth_pct=%.2f%n", BATCH,
          settings.iterations(), Memory.format(before), Memory.format(after), 100.0 * (after - before) / before);
      out.flush();
    }
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
