package org.jgan.tools.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.jgan.training.RunConfig;
import org.jgan.training.RunModel;
import org.jgan.data.NamedDatasets;
import org.jgan.eval.metric.DataKind;
import org.jgan.eval.metric.EvalSettings;
import org.jgan.eval.metric.EvaluationContext;
import org.jgan.eval.metric.GeneratorSamples;
import org.jgan.eval.metric.Metric;
import org.jgan.eval.metric.Metrics;
import org.jgan.eval.metric.PixelScale;
import org.jgan.eval.metric.Samples;
import org.jgan.training.PriorDraw;
import org.jgan.training.Trainer;
import org.jgan.training.TrainingListener;

/**
 * An in-training quality probe scored by any metric of eval's registry ({@code --quality-metric
 * fid}, {@code kid}, ...): every {@code every} iterations, 1,000 generator
 * samples are scored and the metric's main number is added to the iteration's metrics as
 * {@code quality/<metric>}. Unlike Parzen, FID and KID on the metric classifier's features do not
 * reward blur, which is what the WGAN paper's "the loss tracks quality" test needs. The real data,
 * the classifier and its outputs on real images are loaded once, before training starts. A probe
 * whose metric fails (a numerical failure on a poor generator's samples) logs NaN for that step and
 * a warning, and training goes on: a probe measures the run, it must not end it.
 */
public final class MetricQualityProbe implements TrainingListener, AutoCloseable {
  /** The prefix of every in-training quality scalar in the log. */
  public static final String PREFIX = "quality/";

  private final int every;
  private final PixelScale scale;
  private final int[] exampleShape;
  private final String dataset;
  private final Metric metric;
  private final EvaluationContext real;
  private final Consumer<String> warnings;

  private MetricQualityProbe(int every, PixelScale scale, int[] exampleShape, String dataset, Metric metric,
      EvaluationContext real, Consumer<String> warnings) {
    this.every = every;
    this.scale = scale;
    this.exampleShape = exampleShape;
    this.dataset = dataset;
    this.metric = metric;
    this.real = real;
    this.warnings = warnings;
  }

  /**
   * A probe scoring the run's samples with the registered metric {@code name}; refuses a metric that
   * does not apply to the dataset or needs a classifier that is not given, naming the flag.
   *
   * @param classifier the metric classifier's folder, or null
   * @param warnings where a failed probe's one-line warning goes
   */
  static MetricQualityProbe forRun(RunConfig config, Path dataDir, int every, String name, Path classifier,
      Consumer<String> warnings) throws IOException {
    if (NamedDatasets.isMultinomial(config.dataset())) {
      throw new IllegalArgumentException("--quality-every scores images or 2-D points, not " + config.dataset());
    }
    Metric metric;
    try {
      metric = Metrics.requireApplicable(name, config.dataset(), classifier != null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--quality-metric " + name + ": "
          + (classifier == null && Metrics.named(name).needsClassifier() ? "needs --quality-classifier DIR" : e.getMessage()));
    }
    return forMetric(config, dataDir, every, metric, classifier, warnings);
  }

  /** A probe scoring the run's samples with {@code metric}, already checked to apply to the run's dataset. */
  static MetricQualityProbe forMetric(RunConfig config, Path dataDir, int every, Metric metric, Path classifier,
      Consumer<String> warnings) throws IOException {
    if (dataDir == null && DataKind.of(config.dataset()) == DataKind.IMAGES) {
      throw new IllegalArgumentException("--quality-every needs the real data: pass --data DIR or set JGAN_DATA");
    }
    EvalSettings settings = EvalSettings.defaults(dataDir);
    if (classifier != null) {
      settings = settings.withClassifier(classifier);
    }
    EvaluationContext real = new EvaluationContext(placeholder(config), settings);
    try {
      if (metric.needsClassifier()) {
        // Loaded now, so every probe's context shares them instead of rescoring the real images.
        real.classifierOutputs(EvaluationContext.Images.TEST);
        real.classifierOutputs(EvaluationContext.Images.VALIDATION);
      }
    } catch (IOException | RuntimeException e) {
      real.close();
      throw e;
    }
    return new MetricQualityProbe(every, PixelScale.of(RunModel.pixelRange(config)), config.exampleShape(),
        config.dataset(), metric, real, warnings);
  }

  /** The scalar this probe logs. */
  public String key() {
    return PREFIX + metric.name();
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
    float[] outputs = PriorDraw.samples(trainer, QualityProbe.SAMPLES, EvalSettings.DEFAULT_SEED);
    try (EvaluationContext context = real.forSamples(scored(outputs, EvalSettings.DEFAULT_SEED))) {
      Object value = metric.evaluate(context).get(metric.headlines().get(0).field());
      metrics.put(key(), value instanceof Number n ? n.floatValue() : Float.NaN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      metrics.put(key(), Float.NaN);
      warnings.accept("step " + step + ": quality probe " + metric.name() + " failed (" + e
          + "); logged NaN, training goes on");
    }
  }

  /**
   * The samples scored for the generator's raw {@code outputs} drawn with sampling seed {@code
   * seed}: what {@code jgan eval --seed SEED} scores for the same outputs (the seed keys binary draws).
   */
  Samples scored(float[] outputs, long seed) {
    return GeneratorSamples.of(outputs, QualityProbe.SAMPLES, exampleShape, dataset, scale, seed, "seed " + seed);
  }

  @Override
  public void close() {
    real.close();
  }

  /** Two mid-grey examples: the shared context only needs the dataset and shape they carry. */
  static Samples placeholder(RunConfig config) {
    int size = Arrays.stream(config.exampleShape()).reduce(1, (a, b) -> a * b);
    float[] values = new float[2 * size];
    Arrays.fill(values, 0.5f);
    return new Samples(values, 2, config.exampleShape(), config.dataset(), "placeholder");
  }
}
