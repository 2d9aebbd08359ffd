package org.jgan.tools;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jgan.data.BatchSource;
import org.jgan.data.Seeds;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.optim.Adam;
import org.jgan.losses.Gan;
import org.jgan.losses.Hyperparameter;
import org.jgan.losses.Objective;
import org.jgan.losses.WganGp;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.ObjectiveOptions;
import org.jgan.losses.ObjectiveType;
import org.jgan.losses.Objectives;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jgan bench}: times the reference DCGAN-28 training step (one critic and one generator
 * update on a batch) after warm-up and prints the median. Uses synthetic 28x28 batches, so it
 * needs no data files.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time the reference DCGAN-28 step (one critic + one generator update); prints ms_per_step <median>.")
final class BenchCommand implements Callable<Integer> {
  /** Bound on --steps and --warmup: each timed step keeps its time. */
  static final int MAX_STEPS = 1_000_000;
  private static final int[] IMAGE_SHAPE = {28, 28, 1};
  private static final int Z_DIM = 100;

  @Spec
  CommandSpec spec;

  @Option(names = "--objective", defaultValue = "wgan-gp", description = "wgan-gp | gan | gan-ns | wgan (default: ${DEFAULT-VALUE})")
  String objective;

  @Option(names = "--batch", defaultValue = "64", description = "batch size (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--steps", defaultValue = "60", description = "timed steps (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--warmup", defaultValue = "10", description = "untimed steps first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--threads", defaultValue = "2", description = "TensorFlow intra-op threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() {
    if (!Objectives.NAMES.contains(objective)) {
      throw new ParameterException(spec.commandLine(), "--objective: unknown objective '" + objective + "' (known: "
          + String.join(", ", Objectives.NAMES) + ")");
    }
    if (batch < 1 || steps < 1 || warmup < 0 || threads < 1) {
      throw new ParameterException(spec.commandLine(),
          "--batch, --steps and --threads must be at least 1 and --warmup at least 0");
    }
    if (threads > Sessions.maxThreads()) {
      throw new ParameterException(spec.commandLine(), Sessions.tooManyThreads("--threads", threads));
    }
    if (steps > MAX_STEPS || warmup > MAX_STEPS) {
      throw new ParameterException(spec.commandLine(), "--steps and --warmup must be at most " + MAX_STEPS + ", got "
          + steps + " and " + warmup);
    }
    try {
      // Only the batch varies here; a default of 1 makes it the flag named when the run cannot fit.
      TrainingMemory.require(objective, "dcgan28", IMAGE_SHAPE, new TrainingMemory.Settings(batch, Z_DIM, 0, 0, 1),
          new TrainingMemory.Settings(1, Z_DIM, 0, 0, 1), Memory.machineBytes());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ModelSpec model = new ModelSpec(referenceObjective(objective), new Dcgan28(), IMAGE_SHAPE.clone(),
        Activation.tanh(), NoisePrior.normal(Z_DIM), batch, Defaults.SEED);
    double[] millis = new double[steps];
    try (Trainer trainer = new Trainer(model, syntheticImages(batch), threads)) {
      for (int i = 0; i < warmup; i++) {
        trainer.iterate();
      }
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        trainer.iterate();
        millis[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double median = steps % 2 == 1 ? sorted[steps / 2] : (sorted[steps / 2 - 1] + sorted[steps / 2]) / 2;
    var out = spec.commandLine().getOut();
    out.printf("# objective=%s batch=%d steps=%d warmup=%d threads=%d model=dcgan28 min=%.2f max=%.2f%n",
        objective, batch, steps, warmup, threads, sorted[0], sorted[steps - 1]);
    out.printf("ms_per_step %.2f%n", median);
    out.flush();
    return 0;
  }

  /** The benchmark's objective: one critic update per step, Adam(1e-4, 0.5, 0.9) for both networks. */
  private static Objective referenceObjective(String name) {
    ObjectiveType type = Objectives.type(name);
    if (type == Gan.MINIMAX_TYPE || type == Gan.NON_SATURATING_TYPE) {
      return new Gan(type == Gan.MINIMAX_TYPE ? Gan.GeneratorLoss.MINIMAX : Gan.GeneratorLoss.NON_SATURATING, 1,
          referenceAdam(), referenceAdam());
    }
    if (type == WganGp.TYPE) {
      return new WganGp(WganGp.LAMBDA, 1, referenceAdam(), referenceAdam());
    }
    // WGAN keeps its RMSProp: Adam is what the paper warns against for weight clipping.
    Integer oneCriticStep = type.takes(Hyperparameter.CRITIC_STEPS) ? 1 : null;
    return type.create(new ObjectiveOptions(oneCriticStep, null, false, null, null));
  }

  private static Adam referenceAdam() {
    return new Adam(1e-4f, 0.5f, 0.9f);
  }

  /** Uniform noise in [-1, 1] shaped like MNIST, deterministic per batch index. */
  private static BatchSource syntheticImages(int batch) {
    return new BatchSource() {
      @Override
      public int batchSize() {
        return batch;
      }

      @Override
      public int[] exampleShape() {
        return IMAGE_SHAPE.clone();
      }

      @Override
      public void fill(long index, float[] destination) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(Defaults.SEED, index));
        for (int i = 0; i < destination.length; i++) {
          destination[i] = (float) (2 * random.nextDouble() - 1);
        }
      }
    };
  }
}
