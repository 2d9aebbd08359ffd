package org.jgan.examples;

import java.util.List;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ToyMetrics;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingDefaults;
import org.jgan.training.TrainingSettings;

/**
 * The README's library example: {@code jgan train --objective wgan-gp --dataset toy8} as library
 * calls, with the same settings, so it trains the same numbers and covers the same modes.
 *
 * <p>Run: {@code java -cp ... org.jgan.examples.QuickStart [steps] [seed]}.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Trains WGAN-GP on 8 Gaussians with jgan train's settings and scores 2,500 samples as it does. */
  public static ToyMetrics.Scores run(long steps, long seed) throws Exception {
    RunConfig config = TrainingSettings.of("wgan-gp", "toy8").steps(steps).seed(seed).resolve();
    try (Trainer trainer = new Trainer(RunModel.spec(config), RunModel.batches(config, null), config.threads())) {
      trainer.trainUntil(config.steps(), List.of());
      float[] samples = trainer.sample(TrainingDefaults.SAMPLE_COUNT, 0);
      return ToyMetrics.of(ToyDistribution.EIGHT_GAUSSIANS).score(samples);
    }
  }

  /** Arguments: [steps] [seed]; prints modes covered and the high-quality share. */
  public static void main(String[] args) throws Exception {
    long steps = args.length > 0 ? Long.parseLong(args[0]) : TrainingSettings.STEPS;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : TrainingSettings.SEED;
    ToyMetrics.Scores scores = run(steps, seed);
    System.out.printf("modes covered %d of %d, high-quality share %.3f%n", scores.modesCovered(), scores.modes(),
        scores.highQualityShare());
  }
}
