package org.jgan.tools.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgan.data.Dataset;
import org.jgan.data.NamedDatasets;
import org.jgan.data.Seeds;
import org.jgan.data.Split;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ParzenWindow;
import org.jgan.eval.metric.GeneratorSamples;
import org.jgan.eval.metric.PixelScale;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * A sample-quality measurement taken during training, independent of the networks being trained:
 * every {@code every} iterations, the Parzen-window log-likelihood of held-out real data under
 * {@value #SAMPLES} generator samples (sigma chosen on {@value #VALIDATION} validation points,
 * scored on {@value #TEST} test points), added to the iteration's metrics as {@value #KEY}. The
 * WGAN paper's claim is that its critic's loss tracks this kind of measure and a GAN's does not.
 *
 * <p>For model selection ({@code --keep-best}) it also scores {@value #TEST} further validation
 * points (after the first {@value #VALIDATION}), with the same sigma, as {@value #VALIDATION_KEY}:
 * choosing a checkpoint on that number leaves the test set untouched, as the paper's protocol
 * asks.
 */
public final class QualityProbe implements TrainingListener {
  /** The metric this probe scores, the default of {@code --quality-metric}. */
  public static final String METRIC = "parzen";
  public static final String KEY = MetricQualityProbe.PREFIX + METRIC;
  public static final String VALIDATION_KEY = "quality/parzen_validation";
  static final int SAMPLES = 1000;
  static final int VALIDATION = 500;
  static final int TEST = 1000;

  private final int every;
  private final String dataset;
  private final PixelScale scale;
  private final float[] validation;
  private final float[] test;
  /** Validation points scored for model selection, or null when the probe does not select. */
  private final float[] heldOutValidation;
  private final ParzenWindow parzen = new ParzenWindow(SAMPLES, 250, 2);

  private QualityProbe(int every, String dataset, PixelScale scale, float[] validation, float[] test,
      float[] heldOutValidation) {
    this.every = every;
    this.dataset = dataset;
    this.scale = scale;
    this.validation = validation;
    this.test = test;
    this.heldOutValidation = heldOutValidation;
  }

  /**
   * A probe for the run described by {@code config}; fails for data it cannot score (text, palettes).
   *
   * @param scoreValidation whether to add {@value #VALIDATION_KEY} as well
   */
  static QualityProbe forRun(RunConfig config, Path dataDir, int every, boolean scoreValidation) {
    String dataset = config.dataset();
    if (NamedDatasets.isMultinomial(dataset)) {
      throw new IllegalArgumentException("--quality-every scores images or 2-D points, not " + dataset);
    }
    if (NamedDatasets.isToy(dataset)) {
      ToyDistribution toy = ToyDistribution.byId(dataset);
      return new QualityProbe(every, dataset, PixelScale.UNIT,
          toy.sample(new SplittableRandom(Seeds.derive(config.seed(), "quality-validation")), VALIDATION),
          toy.sample(new SplittableRandom(Seeds.derive(config.seed(), "quality-test")), TEST),
          scoreValidation ? toy.sample(new SplittableRandom(Seeds.derive(config.seed(), "quality-held-out")), TEST) : null);
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("--quality-every needs the real data: pass --data DIR or set JGAN_DATA");
    }
    Dataset validation = NamedDatasets.evaluationSplit(dataset, dataDir, Split.VALIDATION, config.exampleShape());
    Dataset test = NamedDatasets.evaluationSplit(dataset, dataDir, Split.TEST, config.exampleShape());
    // An image folder's held-out shares can be smaller than the probe's sizes.
    return new QualityProbe(every, dataset, PixelScale.of(RunModel.pixelRange(config)),
        validation.slice(0, Math.min(VALIDATION, validation.size())).values(),
        test.slice(0, Math.min(TEST, test.size())).values(),
        scoreValidation ? validation.slice(VALIDATION, VALIDATION + TEST).values() : null);
  }

  /** It adds a scalar of its own and reads none; the log, which writes its steps, asks for the phases'. */
  @Override
  public boolean wantsMetrics(long iteration) {
    return false;
  }

  @Override
  public void afterIteration(Trainer trainer, Map<String, Float> metrics) {
    long step = trainer.state().iteration();
    if (step % every != 0) {
      return;
    }
    float[] samples = scored(trainer.sample(SAMPLES, step), step);
    int dim = samples.length / SAMPLES;
    ParzenWindow.Estimate estimate = parzen.evaluate(samples, validation, test, dim, ParzenWindow.defaultSigmas(), VALIDATION);
    metrics.put(KEY, (float) estimate.mean());
    if (heldOutValidation != null) {
      metrics.put(VALIDATION_KEY, (float) parzen.evaluate(samples, validation, heldOutValidation, dim,
          ParzenWindow.defaultSigmas(), VALIDATION).mean());
    }
  }

  /**
   * The values scored for the generator's raw {@code outputs} at {@code step}: those {@code jgan
   * eval} scores for the same samples, the step being the sampling seed (of z, and of binary draws).
   */
  float[] scored(float[] outputs, long step) {
    return GeneratorSamples.values(outputs, dataset, scale, step);
  }
}
