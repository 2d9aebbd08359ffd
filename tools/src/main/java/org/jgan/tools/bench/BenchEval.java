package org.jgan.tools.bench;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jgan.eval.MsSsim;
import org.jgan.eval.MsSsimGraph;
import org.jgan.eval.ParzenWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jgan bench eval}: the evaluation metrics' rates on MNIST-sized data (784 values per
 * image, random pixels: the cost does not depend on them): Parzen log-likelihood of
 * {@code --points} points under {@code --points} samples (the GAN paper's 10k x 10k), as
 * sample-point pairs per second, and MS-SSIM image pairs per second.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Parzen (10k x 10k) and MS-SSIM rates, pairs per second (medians).")
public final class BenchEval implements Callable<Integer> {
  private static final int DIM = 28 * 28;

  @Mixin
  BenchOptions options = new BenchOptions(ParzenWindow.DEFAULT_SAMPLE_CHUNK, 3, 1);

  @Option(names = "--points", defaultValue = "10000", description = "Parzen samples and points each (default: ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--ms-ssim-pairs", defaultValue = "2000", description = "image pairs per MS-SSIM round (default: ${DEFAULT-VALUE})")
  int msSsimPairs;

  @Override
  public Integer call() throws Exception {
    options.check();
    if (points < 1 || points > 100_000 || msSsimPairs < 1 || msSsimPairs > 1_000_000) {
      throw new IllegalArgumentException("--points must be in [1, 100000] and --ms-ssim-pairs in [1, 1000000], got "
          + points + " and " + msSsimPairs);
    }
    float[] samples = pixels(points, 1);
    float[] testPoints = pixels(points, 2);
    ParzenWindow parzen = new ParzenWindow(options.batch, ParzenWindow.DEFAULT_POINT_BATCH, options.threads);
    double parzenMillis = BenchTiming.interleavedMedians(options.warmup, options.steps,
        () -> parzen.logLikelihoods(samples, testPoints, DIM, 0.2))[0];
    float[] first = bytes(msSsimPairs, 3);
    float[] second = bytes(msSsimPairs, 4);
    double msSsimMillis;
    try (MsSsimGraph msSsim = new MsSsimGraph(28, 28, 1, MsSsim.MAX_8BIT, options.threads)) {
      msSsimMillis = BenchTiming.interleavedMedians(options.warmup, options.steps,
          () -> msSsim.scores(first, second, msSsimPairs))[0];
    }
    var out = options.out();
    out.printf("# eval: Parzen %d x %d at %d dimensions, sample chunk %d (--batch); MS-SSIM on 28x28x1 pairs; %s%n",
        points, points, DIM, options.batch, options.describe());
    out.printf("parzen_seconds %.2f%n", parzenMillis / 1e3);
    out.printf("parzen_pairs_per_second %.4g%n", (double) points * points / (parzenMillis / 1e3));
    out.printf("ms_ssim_pairs_per_second %.1f%n", msSsimPairs / (msSsimMillis / 1e3));
    out.flush();
    return 0;
  }

  private static float[] pixels(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[count * DIM];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble();
    }
    return values;
  }

  private static float[] bytes(int count, long seed) {
    float[] values = pixels(count, seed);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.floor(values[i] * 256);
    }
    return values;
  }
}
