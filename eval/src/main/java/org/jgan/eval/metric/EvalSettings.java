package org.jgan.eval.metric;

import java.nio.file.Path;
import org.jgan.data.Split;
import org.jgan.eval.IndependentCritic;

/**
 * How an evaluation runs: where the real data is, the metric classifier and the text corpus, and
 * the seed and critic length; {@link #defaults} gives {@code jgan eval}'s.
 *
 * @param dataDir the folder holding the real datasets (mnist/, text/, ...), or null when there is none
 * @param classifierDir the metric classifier's SavedModel, or null: classifier metrics are then left out
 * @param corpus the reference text for text samples, or null for the dataset's own ({@code DATA/text/fortunes.txt})
 * @param seed the seed of every random choice a metric makes (pairs, subsets, the critic)
 * @param criticSteps training steps of the independent critic
 * @param split the real images samples are scored against: {@link Split#TEST} (the test split, the
 *     validation split's first {@value #HELD_BACK} images choosing settings such as Parzen's sigma), or
 *     {@link Split#VALIDATION} (for model selection without touching the test split: the validation
 *     split's images after its first {@value #HELD_BACK}, which choose the settings then; see {@link #heldBack})
 * @param realImages how many of the split's scored images are scored (the first ones), or {@link #ALL_IMAGES}
 * @param threads TensorFlow intra-op threads of every metric's sessions ({@link #DEFAULT_THREADS} unless given)
 */
public record EvalSettings(Path dataDir, Path classifierDir, Path corpus, long seed, int criticSteps, Split split,
    int realImages, int threads) {
  /**
   * {@code jgan eval}'s intra-op threads: the independent critic's fixed count
   * ({@link IndependentCritic#DEFAULT_THREADS}), since its numbers move with the count, for every metric.
   */
  public static final int DEFAULT_THREADS = IndependentCritic.DEFAULT_THREADS;
  /**
   * {@code jgan eval}'s seed: the seed of its z draws, binary draws and metrics, and the one the
   * in-training quality probes use, so that a probe's number is eval's for the same checkpoint.
   */
  public static final long DEFAULT_SEED = 0;
  /** {@code jgan eval}'s split: the test split. */
  public static final Split DEFAULT_SPLIT = Split.TEST;
  /** {@link #realImages} when every scored image of the split is scored: {@code jgan eval}'s default. */
  public static final int ALL_IMAGES = 0;
  /** With {@link Split#VALIDATION}, the validation images that choose settings rather than being scored. */
  public static final int HELD_BACK = org.jgan.eval.ParzenWindow.DEFAULT_VALIDATION_COUNT;

  /**
   * With {@link Split#VALIDATION}, how many of a validation split of {@code size} images choose
   * settings (the first ones): {@value #HELD_BACK}, or half of a split smaller than twice that
   * (an image folder's), so that the rest can be scored.
   *
   * @param size the validation split's images
   * @return the count held back
   */
  public static int heldBack(int size) {
    return Math.min(HELD_BACK, size / 2);
  }
  /** {@code jgan eval}'s independent critic length. */
  public static final int DEFAULT_CRITIC_STEPS = IndependentCritic.DEFAULT_STEPS;
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
    if (split != Split.TEST && split != Split.VALIDATION) {
      throw new IllegalArgumentException("samples are scored against the test or the validation split, not " + split);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (realImages < 0) {
      throw new IllegalArgumentException("real images scored must be positive (or " + ALL_IMAGES + ": all), got " + realImages);
    }
  }

  /**
   * Settings scoring against every image of the test split ({@link #DEFAULT_SPLIT}).
   *
   * @param dataDir the folder holding the real datasets, or null
   * @param classifierDir the metric classifier's SavedModel, or null
   * @param corpus the reference text, or null
   * @param seed the seed of every random choice a metric makes
   * @param criticSteps training steps of the independent critic
   */
  public EvalSettings(Path dataDir, Path classifierDir, Path corpus, long seed, int criticSteps) {
    this(dataDir, classifierDir, corpus, seed, criticSteps, DEFAULT_SPLIT, ALL_IMAGES, DEFAULT_THREADS);
  }

  /** The command's defaults, reading real data from {@code dataDir} (may be null), with no classifier. */
  public static EvalSettings defaults(Path dataDir) {
    return new EvalSettings(dataDir, null, null, DEFAULT_SEED, DEFAULT_CRITIC_STEPS);
  }

  /** These settings with the metric classifier at {@code dir}. */
  public EvalSettings withClassifier(Path dir) {
    return new EvalSettings(dataDir, dir, corpus, seed, criticSteps, split, realImages, threads);
  }

  /** These settings with {@code seed}. */
  public EvalSettings withSeed(long newSeed) {
    return new EvalSettings(dataDir, classifierDir, corpus, newSeed, criticSteps, split, realImages, threads);
  }

  /** These settings with the critic trained for {@code steps}. */
  public EvalSettings withCriticSteps(int steps) {
    return new EvalSettings(dataDir, classifierDir, corpus, seed, steps, split, realImages, threads);
  }

  /** These settings with {@code count} intra-op threads in every metric's sessions. */
  public EvalSettings withThreads(int count) {
    return new EvalSettings(dataDir, classifierDir, corpus, seed, criticSteps, split, realImages, count);
  }

  /** These settings with the reference text {@code file}. */
  public EvalSettings withCorpus(Path file) {
    return new EvalSettings(dataDir, classifierDir, file, seed, criticSteps, split, realImages, threads);
  }

  /**
   * These settings scoring against {@code newSplit}.
   *
   * @param newSplit {@link Split#TEST} or {@link Split#VALIDATION}
   * @return the new settings
   */
  public EvalSettings withSplit(Split newSplit) {
    return new EvalSettings(dataDir, classifierDir, corpus, seed, criticSteps, newSplit, realImages, threads);
  }

  /**
   * These settings scoring only the first {@code count} real images of the split (a cheaper
   * estimate, as the in-training quality probes take).
   *
   * @param count how many, or {@link #ALL_IMAGES}
   * @return the new settings
   */
  public EvalSettings withRealImages(int count) {
    return new EvalSettings(dataDir, classifierDir, corpus, seed, criticSteps, split, count, threads);
  }
}
