package org.jgan.tools.bench;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jgan.data.BatchSource;
import org.jgan.data.Palette;
import org.jgan.data.Seeds;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Mlp;
import org.jgan.losses.DiscreteBgan;
import org.jgan.losses.FDivergence;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.Objectives;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.jgan.training.TrainingSettings;

/**
 * {@code jgan bench discrete}: discrete BGAN iterations per second on quantised MNIST's shape
 * (28 x 28 pixels, a softmax over {@link Palette#DEFAULT_COLOURS} colours each), as
 * {@code experiments/bgan-discrete.yaml} trains it: MLP 512 x 3, M = 20 samples per z, batch 64.
 * The batches are random one-hot images, so it needs no data files; the cost does not depend on
 * the pixels. The current graph is timed interleaved with the reference forms of
 * {@link DiscreteBgan.Form}, so the speed-ups are ratios within one process run.
 */
@Command(name = "discrete", mixinStandardHelpOptions = true,
    description = "Discrete BGAN (quantised-MNIST shape, M samples per z): prints iterations_per_second <median>"
        + " and the speed-up over the reference forms, timed interleaved.")
public final class BenchDiscrete implements Callable<Integer> {
  @Mixin
  BenchOptions options = new BenchOptions(64, 20, 3);

  @Option(names = "--samples-per-z", defaultValue = "20", description = "M (default: ${DEFAULT-VALUE})")
  int samplesPerZ;

  @Override
  public Integer call() throws Exception {
    options.check();
    if (samplesPerZ < 1 || samplesPerZ > 10_000) {
      throw new IllegalArgumentException("--samples-per-z must be in [1, 10000], got " + samplesPerZ);
    }
    int[] shape = {28, 28, Palette.DEFAULT_COLOURS};
    DiscreteBgan objective = (DiscreteBgan) Objectives.discrete(DiscreteBgan.IMPORTANCE_TYPE.name(),
        ObjectiveOptions.PAPER_DEFAULTS, DiscreteBgan.Kind.MULTINOMIAL, FDivergence.GAN, samplesPerZ);
    // The current form first, then the references it is measured against.
    DiscreteBgan.Form[] forms = {DiscreteBgan.Form.INDICES, DiscreteBgan.Form.ONE_HOT, DiscreteBgan.Form.GUMBEL_ONE_HOT};
    Trainer[] trainers = new Trainer[forms.length];
    BenchTiming.PerIteration[] times;
    try {
      for (int f = 0; f < forms.length; f++) {
        ModelSpec model = new ModelSpec(objective.withForm(forms[f]), new Mlp(512, 3), shape, Activation.identity(),
            NoisePrior.normal(ReferenceStep.Z_DIM), options.batch, TrainingSettings.SEED);
        trainers[f] = new Trainer(model, oneHotImages(options.batch, shape), options.settings());
        for (int i = 0; i < options.warmup; i++) {
          trainers[f].iterate();
        }
      }
      times = BenchTiming.medianPerIteration(trainers, options.steps, 1);
    } finally {
      for (Trainer trainer : trainers) {
        if (trainer != null) {
          trainer.close();
        }
      }
    }
    var out = options.out();
    out.printf("# discrete bgan, quantised-MNIST shape 28x28x%d, mlp 512x3, M=%d, %s%n", shape[2], samplesPerZ,
        options.describe());
    out.printf("# forms timed interleaved: indices (current), one-hot (one categorical op, one-hot discriminator"
        + " input), gumbel-one-hot (the original: Gumbel-max draws)%n");
    double current = times[0].wallMillis();
    out.printf("ms_per_iteration %.1f%n", current);
    out.printf("iterations_per_second %.3f%n", 1000 / current);
    for (int f = 1; f < forms.length; f++) {
      String name = forms[f].name().toLowerCase(java.util.Locale.ROOT);
      out.printf("ms_per_iteration_%s %.1f%n", name, times[f].wallMillis());
      out.printf("speedup_over_%s %.2f (processor time %.2f)%n", name, times[f].wallMillis() / current,
          times[f].cpuMillis() / times[0].cpuMillis());
    }
    out.flush();
    return 0;
  }

  /** Random one-hot images, deterministic per batch index. */
  private static BatchSource oneHotImages(int batch, int[] shape) {
    int categories = shape[2];
    return BatchSource.of(batch, shape, (index, destination) -> {
      SplittableRandom random = new SplittableRandom(Seeds.derive(TrainingSettings.SEED, index));
      java.util.Arrays.fill(destination, 0f);
      for (int pixel = 0; pixel < destination.length / categories; pixel++) {
        destination[pixel * categories + random.nextInt(categories)] = 1f;
      }
    });
  }
}
