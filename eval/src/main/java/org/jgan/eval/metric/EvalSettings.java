package org.jgan.eval.metric;

import java.nio.file.Path;

/**
 * How an evaluation runs: where the real data is, the metric classifier and the text corpus, and
 * the seed and critic length; {@link #defaults} gives {@code jgan eval}'s.
 *
 * @param dataDir the folder holding the real datasets (mnist/, text/, ...), or null when there is none
 * @param classifierDir the metric classifier's SavedModel, or null: classifier metrics are then left out
 * @param corpus the reference text for text samples, or null for the dataset's own ({@code DATA/text/fortunes.txt})
 * @param seed the seed of every random choice a metric makes (pairs, subsets, the critic)
 * @param criticSteps training steps of the independent critic
 */
public record EvalSettings(Path dataDir, Path classifierDir, Path corpus, long seed, int criticSteps) {
  /** {@code jgan eval}'s seed. */
  public static final long DEFAULT_SEED = 0;
  /** {@code jgan eval}'s independent critic length. */
  public static final int DEFAULT_CRITIC_STEPS = 2000;
  /** Samples drawn from a generator of images to evaluate: the GAN paper's Parzen protocol uses 10,000. */
  public static final int IMAGE_SAMPLES = 10_000;
  /** Samples drawn from a generator of 2-D points to evaluate (the same count a run's scatter plot shows). */
  public static final int TOY_SAMPLES = 2500;

  /** How many samples to draw from a generator trained on {@code dataset} when no count is given. */
  public static int defaultSampleCount(String dataset) {
    return org.jgan.data.NamedDatasets.isToy(dataset) ? TOY_SAMPLES : IMAGE_SAMPLES;
  }

  public EvalSettings {
    if (criticSteps < 1) {
      throw new IllegalArgumentException("critic steps must be at least 1, got " + criticSteps);
    }
  }

  /** The command's defaults, reading real data from {@code dataDir} (may be null), with no classifier. */
  public static EvalSettings defaults(Path dataDir) {
    return new EvalSettings(dataDir, null, null, DEFAULT_SEED, DEFAULT_CRITIC_STEPS);
  }

  /** These settings with the metric classifier at {@code dir}. */
  public EvalSettings withClassifier(Path dir) {
    return new EvalSettings(dataDir, dir, corpus, seed, criticSteps);
  }

  /** These settings with {@code seed}. */
  public EvalSettings withSeed(long newSeed) {
    return new EvalSettings(dataDir, classifierDir, corpus, newSeed, criticSteps);
  }

  /** These settings with the critic trained for {@code steps}. */
  public EvalSettings withCriticSteps(int steps) {
    return new EvalSettings(dataDir, classifierDir, corpus, seed, steps);
  }

  /** These settings with the reference text {@code file}. */
  public EvalSettings withCorpus(Path file) {
    return new EvalSettings(dataDir, classifierDir, file, seed, criticSteps);
  }
}
