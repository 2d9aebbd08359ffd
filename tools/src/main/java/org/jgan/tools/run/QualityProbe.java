package org.jgan.tools.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.data.NamedDatasets;
import org.jgan.data.Seeds;
import org.jgan.data.Split;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ParzenWindow;
import org.jgan.eval.metric.EvalSettings;
import org.jgan.eval.metric.EvaluationContext;
import org.jgan.eval.metric.GeneratorSamples;
import org.jgan.eval.metric.Metric;
import org.jgan.eval.metric.Metrics;
import org.jgan.eval.metric.ParzenMetric;
import org.jgan.eval.metric.PixelScale;
import org.jgan.eval.metric.Samples;
import org.jgan.training.PriorDraw;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * A sample-quality measurement taken during training, independent of the networks being trained:
 * every {@code every} iterations, the Parzen-window log-likelihood of held-out real data under
 * {@value #SAMPLES} generator samples, added to the iteration's metrics as {@value #KEY}. The WGAN
 * paper's claim is that its critic's loss tracks this kind of measure and a GAN's does not.
 *
 * <p>On images the samples and the score are {@code jgan eval}'s ({@link ParzenMetric}, z drawn by
 * {@link PriorDraw} with eval's default seed) on the first {@value #REAL_IMAGES} test images:
 * {@value #KEY} at step N is what {@code jgan eval --metrics parzen --n 1000 --real-images 1000}
 * gives for the checkpoint of step N (sigma chosen on the first validation images, as eval does). On
 * 2-D points, which eval scores by mode coverage instead, sigma is chosen on {@value #VALIDATION}
 * fresh points of the distribution and {@value #TEST} others are scored.
 *
 * <p>For model selection ({@code --keep-best}) it also scores the validation split as {@value
 * #VALIDATION_KEY} (on images {@code jgan eval ... --split validation}, the same
 * {@value #REAL_IMAGES} images after the validation images that choose sigma): choosing a checkpoint on
 * that number leaves the test set untouched, as the paper's protocol asks.
 */
public final class QualityProbe implements TrainingListener {
  /** The metric this probe scores, the default of {@code --quality-metric}. */
  public static final String METRIC = "parzen";
  public static final String KEY = MetricQualityProbe.PREFIX + METRIC;
  public static final String VALIDATION_KEY = "quality/parzen_validation";
  static final int SAMPLES = 1000;
  /**
   * Real images the image probe scores (the first of the split's scored ones): fewer than eval's
   * default, all of them, so that a probe costs little; {@code jgan eval --real-images} takes the same.
   */
  public static final int REAL_IMAGES = 1000;
  /** 2-D points that choose sigma. */
  static final int VALIDATION = 500;
  /** 2-D points scored. */
  static final int TEST = 1000;

  /** Scores samples already mapped as eval maps them ({@link GeneratorSamples}). */
  private interface Score {
    double of(Samples samples) throws IOException;
  }

  private final int every;
  private final String dataset;
  private final PixelScale scale;
  private final int[] exampleShape;
  private final Score test;
  /** Scores the validation split for model selection, or null when the probe does not select. */
  private final Score validation;

  private QualityProbe(int every, RunConfig config, PixelScale scale, Score test, Score validation) {
    this.every = every;
    this.dataset = config.dataset();
    this.scale = scale;
    this.exampleShape = config.exampleShape();
    this.test = test;
    this.validation = validation;
  }

  /**
   * A probe for the run described by {@code config}; fails for data it cannot score (text, palettes).
   *
   * @param scoreValidation whether to add {@value #VALIDATION_KEY} as well
   */
  static QualityProbe forRun(RunConfig config, Path dataDir, int every, boolean scoreValidation) throws IOException {
    String dataset = config.dataset();
    if (NamedDatasets.isMultinomial(dataset)) {
      throw new IllegalArgumentException("--quality-every scores images or 2-D points, not " + dataset);
    }
    if (NamedDatasets.isToy(dataset)) {
      ToyDistribution toy = ToyDistribution.byId(dataset);
      float[] chooseSigma = toy.sample(new SplittableRandom(Seeds.derive(config.seed(), "quality-validation")), VALIDATION);
      float[] scored = toy.sample(new SplittableRandom(Seeds.derive(config.seed(), "quality-test")), TEST);
      float[] heldOut = scoreValidation
          ? toy.sample(new SplittableRandom(Seeds.derive(config.seed(), "quality-held-out")), TEST) : null;
      return new QualityProbe(every, config, PixelScale.UNIT, pointScore(chooseSigma, scored),
          heldOut == null ? null : pointScore(chooseSigma, heldOut));
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("--quality-every needs the real data: pass --data DIR or set JGAN_DATA");
    }
    EvalSettings settings = EvalSettings.defaults(dataDir).withRealImages(REAL_IMAGES);
    return new QualityProbe(every, config, PixelScale.of(RunModel.pixelRange(config)), imageScore(config, settings),
        scoreValidation ? imageScore(config, settings.withSplit(Split.VALIDATION)) : null);
  }

  /** Eval's Parzen against the real images {@code settings} name, loaded once, now. */
  private static Score imageScore(RunConfig config, EvalSettings settings) throws IOException {
    // An image folder's validation share can be too small to score: that fails here, before training.
    EvaluationContext real = new EvaluationContext(MetricQualityProbe.placeholder(config), settings);
    real.test();
    Metric parzen = Metrics.named(METRIC);
    String headline = parzen.headlines().get(0).field();
    return samples -> {
      try (EvaluationContext context = real.forSamples(samples)) {
        return ((Number) parzen.evaluate(context).get(headline)).doubleValue();
      }
    };
  }

  /** Parzen on 2-D points, sigma chosen on {@code chooseSigma}, {@code scored} scored. */
  private static Score pointScore(float[] chooseSigma, float[] scored) {
    ParzenWindow parzen = new ParzenWindow(SAMPLES, 250, EvalSettings.DEFAULT_THREADS);
    return samples -> parzen.evaluate(samples.values(), chooseSigma, scored, samples.values().length / samples.count(),
        ParzenWindow.defaultSigmas(), VALIDATION).mean();
  }

  /** It adds a scalar of its own and reads none; the log, which writes its steps, asks for the phases'. */
  @Override
  public boolean wantsMetrics(long iteration) {
    return false;
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) throws IOException {
    long step = trainer.state().iteration();
    if (step % every != 0) {
      return;
    }
    float[] outputs = PriorDraw.samples(trainer, SAMPLES, EvalSettings.DEFAULT_SEED);
    if (!allFinite(outputs)) {
      // Logged as what it is, as before; eval refuses such samples, and a diverged run fails on its own.
      metrics.put(KEY, Float.NaN);
      if (validation != null) {
        metrics.put(VALIDATION_KEY, Float.NaN);
      }
      return;
    }
    Samples samples = GeneratorSamples.of(outputs, SAMPLES, exampleShape, dataset, scale, EvalSettings.DEFAULT_SEED,
        "step " + step);
    metrics.put(KEY, (float) test.of(samples));
    if (validation != null) {
      metrics.put(VALIDATION_KEY, (float) validation.of(samples));
    }
  }

  private static boolean allFinite(float[] values) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The values scored for the generator's raw {@code outputs} drawn with sampling seed {@code seed}:
   * those {@code jgan eval --seed SEED} scores for the same outputs (the seed keys binary draws).
   */
  float[] scored(float[] outputs, long seed) {
    return GeneratorSamples.values(outputs, dataset, scale, seed);
  }
}
