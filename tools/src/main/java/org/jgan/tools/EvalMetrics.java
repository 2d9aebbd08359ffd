package org.jgan.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.Dataset;
import org.jgan.data.ImageDatasets;
import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelRange;
import org.jgan.data.Split;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.InceptionScore;
import org.jgan.eval.IndependentCritic;
import org.jgan.eval.ParzenWindow;
import org.jgan.eval.ToyMetrics;
import org.jgan.eval.classifier.SavedModelClassifier;
import org.jgan.graphs.Layer;
import org.jgan.graphs.models.Dcgan28;
import org.jgan.graphs.models.Mlp;

/**
 * The metrics {@code jgan eval} knows, by name, each returning its numbers with the protocol
 * beside them. Real reference data is loaded once, when a metric first needs it.
 */
final class EvalMetrics {
  static final List<String> NAMES = List.of("toy", "parzen", "inception-score", "critic");
  static final String NAMES_TEXT = String.join(", ", NAMES);
  /** The names, for the command's help. */
  static final class Names extends ArrayList<String> {
    Names() {
      super(NAMES);
    }
  }

  private static final List<String> NEED_CLASSIFIER = List.of("inception-score");

  private final EvalSamples samples;
  private final Path dataDir;
  private final Path classifierDir;
  private final long seed;
  private final int criticSteps;
  private Dataset validation;
  private Dataset test;

  EvalMetrics(EvalSamples samples, Path dataDir, Path classifierDir, long seed, int criticSteps) {
    this.samples = samples;
    this.dataDir = dataDir;
    this.classifierDir = classifierDir;
    this.seed = seed;
    this.criticSteps = criticSteps;
  }

  /** The metrics that apply to {@code dataset}, leaving out classifier metrics when there is no classifier. */
  static List<String> applicable(String dataset, boolean hasClassifier) {
    List<String> names = new ArrayList<>();
    if (NamedDatasets.isToy(dataset)) {
      if (!dataset.equals("swissroll")) {
        names.add("toy");
      }
      names.add("critic");
      return names;
    }
    for (String name : NAMES) {
      if (!name.equals("toy") && (hasClassifier || !NEED_CLASSIFIER.contains(name))) {
        names.add(name);
      }
    }
    return names;
  }

  Map<String, Object> run(String name) throws IOException {
    boolean toy = NamedDatasets.isToy(samples.dataset());
    if (name.equals("toy") != toy && !name.equals("critic")) {
      throw new IllegalArgumentException("metric '" + name + "' does not apply to dataset " + samples.dataset());
    }
    return switch (name) {
      case "toy" -> toy();
      case "parzen" -> parzen();
      case "inception-score" -> inceptionScore();
      case "critic" -> critic();
      default -> throw new IllegalArgumentException("unknown metric '" + name + "'");
    };
  }

  private Map<String, Object> toy() {
    ToyDistribution distribution = ToyDistribution.byId(samples.dataset());
    if (distribution.modes().isEmpty()) {
      throw new IllegalArgumentException("metric 'toy' needs a mixture with modes, not " + samples.dataset());
    }
    ToyMetrics.Scores s = ToyMetrics.of(distribution).score(samples.values());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%d of %d modes, high-quality share %.3f", s.modesCovered(), s.modes(),
        s.highQualityShare()));
    r.put("modes_covered", s.modesCovered());
    r.put("modes", s.modes());
    r.put("high_quality_share", s.highQualityShare());
    r.put("mode_kl", s.modeKl());
    r.put("protocol", "nearest mode; high quality = within 3 std; covered = at least " + ToyMetrics.COVERAGE_SHARE
        + " x samples / modes high-quality samples; samples = " + samples.count());
    return r;
  }

  private Map<String, Object> parzen() throws IOException {
    loadReal();
    int dim = samples.values().length / samples.count();
    ParzenWindow.Estimate e = ParzenWindow.defaults().evaluate(samples.values(), validation.values(), test.values(), dim);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.1f +- %.1f nats (sigma %.3f)", e.mean(), e.stdError(), e.sigma()));
    r.put("mean_log_likelihood", e.mean());
    r.put("standard_error", e.stdError());
    r.put("sigma", e.sigma());
    r.put("sigmas", e.sigmas());
    r.put("validation_means", e.validationMeans());
    r.put("protocol", "Goodfellow et al. 2014: isotropic Gaussians on " + e.samples() + " samples, pixels in [0, 1]; sigma"
        + " chosen on the first " + e.validationPoints() + " validation images (" + validation.name() + "); mean over "
        + e.testPoints() + " test images (" + test.name() + ") +- std / sqrt(N)");
    return r;
  }

  private Map<String, Object> inceptionScore() throws IOException {
    if (classifierDir == null) {
      throw new IllegalArgumentException("metric 'inception-score' needs --classifier (train one with jgan classifier train)");
    }
    loadReal();
    try (SavedModelClassifier classifier = SavedModelClassifier.load(classifierDir)) {
      InceptionScore.Score score = InceptionScore.fromLogits(logits(classifier, samples.values(), samples.count()),
          InceptionScore.DEFAULT_SPLITS);
      InceptionScore.Score reference = InceptionScore.fromLogits(logits(classifier, test.values(), test.size()),
          InceptionScore.DEFAULT_SPLITS);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("summary", String.format("%.3f +- %.3f (real test data: %.3f)", score.mean(), score.std(), reference.mean()));
      r.put("mean", score.mean());
      r.put("std", score.std());
      r.put("splits", score.splits());
      r.put("real_data_reference", reference.mean());
      r.put("classifier", classifierDir.toString());
      r.put("classifier_sha256", classifier.contentHash());
      r.put("protocol", "exp(E KL(p(y|x) || p(y))) over " + score.splits() + " splits of " + score.samples() + " samples");
      return r;
    }
  }

  private static float[][] logits(SavedModelClassifier classifier, float[] images, int count) {
    int[] shape = {28, 28, images.length / count / 784};
    SavedModelClassifier.Outputs out = classifier.run(images, count, shape, 500);
    float[][] rows = new float[count][out.classes()];
    for (int i = 0; i < count; i++) {
      System.arraycopy(out.logits(), i * out.classes(), rows[i], 0, out.classes());
    }
    return rows;
  }

  private Map<String, Object> critic() throws IOException {
    int half = samples.count() / 2;
    int size = samples.values().length / samples.count();
    float[] first = java.util.Arrays.copyOf(samples.values(), half * size);
    float[] second = java.util.Arrays.copyOfRange(samples.values(), half * size, 2 * half * size);
    float[] realTrain;
    float[] realTest;
    List<Layer> layers;
    String realNames;
    if (NamedDatasets.isToy(samples.dataset())) {
      ToyDistribution d = ToyDistribution.byId(samples.dataset());
      realTrain = d.sample(new java.util.SplittableRandom(org.jgan.data.Seeds.derive(seed, "critic-train")), 10_000);
      realTest = d.sample(new java.util.SplittableRandom(org.jgan.data.Seeds.derive(seed, "critic-test")), 10_000);
      layers = new Mlp(128, 3).discriminator(samples.exampleShape());
      realNames = "fresh draws of " + samples.dataset();
    } else {
      loadReal();
      realTrain = validation.values();
      realTest = test.values();
      layers = new Dcgan28().discriminator(samples.exampleShape());
      realNames = validation.name() + " (training) and " + test.name() + " (estimate)";
    }
    IndependentCritic.Settings settings = new IndependentCritic.Settings(criticSteps, 64, 10f, 1e-4f, seed, 2);
    IndependentCritic.Estimate e = IndependentCritic.estimate(layers, samples.exampleShape(), realTrain, first,
        realTest, second, settings);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.4f (on its training data: %.4f)", e.estimate(), e.trainingEstimate()));
    r.put("estimate", e.estimate());
    r.put("training_estimate", e.trainingEstimate());
    r.put("protocol", "fresh WGAN-GP critic (lambda " + e.lambda() + ", Adam(1e-4, 0.5, 0.9), " + e.steps()
        + " steps of " + e.batchSize() + ") trained on real " + realNames + " vs the first " + half
        + " samples; estimate E[C(real test)] - E[C(other " + half + " samples)]");
    return r;
  }

  private void loadReal() throws IOException {
    if (test != null) {
      return;
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("image metrics need the real data: pass --data DIR or set JGAN_DATA");
    }
    String folder = NamedDatasets.folder(samples.dataset());
    validation = ImageDatasets.load(dataDir, folder, Split.VALIDATION, PixelRange.ZERO_ONE);
    test = ImageDatasets.load(dataDir, folder, Split.TEST, PixelRange.ZERO_ONE);
  }
}
