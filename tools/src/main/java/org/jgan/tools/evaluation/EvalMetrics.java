package org.jgan.tools.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.Dataset;
import org.jgan.data.NamedDatasets;
import org.jgan.data.Split;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.FrechetDistance;
import org.jgan.eval.InceptionScore;
import org.jgan.eval.KernelInceptionDistance;
import org.jgan.eval.MsSsim;
import org.jgan.eval.MsSsimGraph;
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
public final class EvalMetrics {
  public static final List<String> NAMES = List.of("toy", "parzen", "inception-score", "fid", "kid", "ms-ssim", "critic");
  /** Random pairs per class (and overall) for MS-SSIM diversity. */
  static final int MS_SSIM_PAIRS = 100;
  public static final String NAMES_TEXT = String.join(", ", NAMES);
  /** The names, for the command's help. */
  public static final class Names extends ArrayList<String> {
    Names() {
      super(NAMES);
    }
  }

  private static final List<String> NEED_CLASSIFIER = List.of("inception-score", "fid", "kid");
  private static final String CLASSIFIER_NEEDED = "classifier metrics (inception-score, fid, kid) need --classifier"
      + " (train one with jgan classifier train)";

  private final EvalSamples samples;
  private final Path dataDir;
  private final Path classifierDir;
  private final long seed;
  private final int criticSteps;
  private Dataset validation;
  private Dataset test;
  private SavedModelClassifier classifier;
  private final Map<String, SavedModelClassifier.Outputs> outputs = new java.util.HashMap<>();

  public EvalMetrics(EvalSamples samples, Path dataDir, Path classifierDir, long seed, int criticSteps) {
    this.samples = samples;
    this.dataDir = dataDir;
    this.classifierDir = classifierDir;
    this.seed = seed;
    this.criticSteps = criticSteps;
  }

  /** The metrics that apply to {@code dataset}, leaving out classifier metrics when there is no classifier. */
  public static List<String> applicable(String dataset, boolean hasClassifier) {
    List<String> names = new ArrayList<>();
    if (NamedDatasets.isToy(dataset)) {
      if (org.jgan.data.NamedDataset.named(dataset).hasModes()) {
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

  /** Releases the classifier, if one was loaded. */
  public void close() {
    if (classifier != null) {
      classifier.close();
    }
  }

  /**
   * Fails, naming the metric, when it cannot score samples of {@code dataset}, or needs a classifier
   * and {@code hasClassifier} is false: what an experiment checks for each cell before anything runs.
   */
  public static void requireApplicable(String name, String dataset, boolean hasClassifier) {
    if (NamedDatasets.isText(dataset)) {
      throw new IllegalArgumentException("metric '" + name + "' does not apply to text samples, which are scored by"
          + " character n-gram divergence (give no metrics)");
    }
    if (name.equals("toy") != NamedDatasets.isToy(dataset) && !name.equals("critic")) {
      throw new IllegalArgumentException("metric '" + name + "' does not apply to dataset " + dataset);
    }
    if (name.equals("toy") && ToyDistribution.byId(dataset).modes().isEmpty()) {
      throw new IllegalArgumentException("metric 'toy' needs a mixture with modes, not " + dataset);
    }
    if (NEED_CLASSIFIER.contains(name) && !hasClassifier) {
      throw new IllegalArgumentException(CLASSIFIER_NEEDED);
    }
  }

  public Map<String, Object> run(String name) throws IOException {
    requireApplicable(name, samples.dataset(), classifierDir != null);
    return switch (name) {
      case "toy" -> toy();
      case "parzen" -> parzen();
      case "inception-score" -> inceptionScore();
      case "fid" -> fid();
      case "kid" -> kid();
      case "ms-ssim" -> msSsim();
      case "critic" -> critic();
      default -> throw new IllegalArgumentException("unknown metric '" + name + "'");
    };
  }

  private Map<String, Object> toy() {
    ToyDistribution distribution = ToyDistribution.byId(samples.dataset());
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
    InceptionScore.Score score = InceptionScore.fromLogits(rows(outputs("samples").logits(), samples.count()),
        InceptionScore.DEFAULT_SPLITS);
    InceptionScore.Score reference = InceptionScore.fromLogits(rows(outputs("test").logits(), test.size()),
        InceptionScore.DEFAULT_SPLITS);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.3f +- %.3f (real test data: %.3f)", score.mean(), score.std(), reference.mean()));
    r.put("mean", score.mean());
    r.put("std", score.std());
    r.put("splits", score.splits());
    r.put("real_data_reference", reference.mean());
    putClassifier(r);
    r.put("protocol", "exp(E KL(p(y|x) || p(y))) over " + score.splits() + " splits of " + score.samples()
        + " samples; reference: the same on the " + test.size() + " real test images");
    return r;
  }

  private Map<String, Object> fid() throws IOException {
    FrechetDistance.Result result = FrechetDistance.between(rows(outputs("samples").features(), samples.count()),
        rows(outputs("test").features(), test.size()));
    FrechetDistance.Result reference = FrechetDistance.between(rows(outputs("validation").features(), validation.size()),
        rows(outputs("test").features(), test.size()));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.4f (real validation vs test: %.4f)", result.distance(), reference.distance()));
    r.put("fid", result.distance());
    r.put("real_data_reference", reference.distance());
    putClassifier(r);
    r.put("protocol", "Frechet distance between Gaussians fitted (float64) to the classifier's " + result.dim()
        + "-d features of " + result.count1() + " samples and " + result.count2() + " real test images ("
        + test.name() + "); reference: " + validation.name() + " vs " + test.name());
    return r;
  }

  private Map<String, Object> kid() throws IOException {
    KernelInceptionDistance.Result result = KernelInceptionDistance.between(
        rows(outputs("samples").features(), samples.count()), rows(outputs("test").features(), test.size()), seed);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.5f +- %.5f", result.mean(), result.std()));
    r.put("mean", result.mean());
    r.put("std", result.std());
    r.put("subsets", result.subsets());
    r.put("subset_size", result.subsetSize());
    putClassifier(r);
    r.put("protocol", "unbiased MMD^2 with k(x, y) = (x.y / d + 1)^3 on classifier features, mean +- std over "
        + result.subsets() + " subsets of " + result.subsetSize() + " (seed " + seed + ") vs " + test.name());
    return r;
  }

  private Map<String, Object> msSsim() throws IOException {
    loadReal();
    int[] shape = samples.exampleShape();
    try (MsSsimGraph metric = new MsSsimGraph(shape[0], shape[1], shape[2], MsSsim.MAX_8BIT, 2)) {
      return msSsim(metric);
    }
  }

  private Map<String, Object> msSsim(MsSsimGraph metric) throws IOException {
    MsSsim.Diversity overall = metric.diversity(bytes(samples.values(), samples.count()), MS_SSIM_PAIRS, seed);
    MsSsim.Diversity reference = metric.diversity(bytes(test.values(), test.size()), MS_SSIM_PAIRS, seed);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("mean", overall.mean());
    r.put("std", overall.std());
    r.put("pairs", overall.pairs());
    r.put("clamped_pairs", overall.clampedPairs());
    r.put("real_data_reference", reference.mean());
    r.put("real_data_reference_clamped_pairs", reference.clampedPairs());
    String perClassNote = "";
    if (classifierDir != null) {
      Map<Integer, List<float[]>> byClass = new java.util.TreeMap<>();
      List<float[]> images = bytes(samples.values(), samples.count());
      int[] predicted = argmax(outputs("samples").logits(), samples.count());
      for (int i = 0; i < images.size(); i++) {
        byClass.computeIfAbsent(predicted[i], k -> new ArrayList<>()).add(images.get(i));
      }
      Map<String, Object> perClass = new LinkedHashMap<>();
      for (Map.Entry<Integer, List<float[]>> e : byClass.entrySet()) {
        if (e.getValue().size() >= 2) {
          perClass.put(String.valueOf(e.getKey()), metric.diversity(e.getValue(), MS_SSIM_PAIRS, seed).mean());
        }
      }
      r.put("per_predicted_class", perClass);
      putClassifier(r);
      perClassNote = "; per class by the classifier's predicted class";
    }
    String clampNote = overall.clampedPairs() > 0 ? String.format("; %d of %d pairs clamped", overall.clampedPairs(),
        overall.pairs()) : "";
    r.put("summary", String.format("%.4f +- %.4f (real test data: %.4f; lower = more diverse%s)", overall.mean(),
        overall.std(), reference.mean(), clampNote));
    r.put("protocol", "MS-SSIM in-graph (5 scales, 11x11 Gaussian sigma 1.5, K1 0.01, K2 0.03, 8-bit) over " + MS_SSIM_PAIRS
        + " random pairs (seed " + seed + ")" + perClassNote + "; reference: the same on " + test.name()
        + "; a negative contrast-structure term (or last-scale SSIM) counts as 0, as in tf.image.ssim_multiscale"
        + " (msssim.py gives NaN), so such a pair scores 0; clamped_pairs counts them");
    return r;
  }

  private static List<float[]> bytes(float[] unit, int count) {
    int size = unit.length / count;
    List<float[]> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] image = new float[size];
      for (int j = 0; j < size; j++) {
        image[j] = unit[i * size + j] * 255f;
      }
      images.add(image);
    }
    return images;
  }

  private static int[] argmax(float[] logits, int count) {
    int classes = logits.length / count;
    int[] best = new int[count];
    for (int i = 0; i < count; i++) {
      for (int k = 1; k < classes; k++) {
        if (logits[i * classes + k] > logits[i * classes + best[i]]) {
          best[i] = k;
        }
      }
    }
    return best;
  }

  private void putClassifier(Map<String, Object> r) {
    r.put("classifier", classifierDir.toString());
    r.put("classifier_sha256", classifier.contentHash());
  }

  /** The classifier's logits and features for "samples", "test" or "validation", computed once. */
  private SavedModelClassifier.Outputs outputs(String which) throws IOException {
    if (classifierDir == null) {
      throw new IllegalArgumentException(CLASSIFIER_NEEDED);
    }
    loadReal();
    if (classifier == null) {
      classifier = SavedModelClassifier.load(classifierDir);
    }
    SavedModelClassifier.Outputs cached = outputs.get(which);
    if (cached == null) {
      float[] images = switch (which) {
        case "samples" -> samples.values();
        case "test" -> test.values();
        default -> validation.values();
      };
      int count = images.length / (samples.values().length / samples.count());
      cached = classifier.run(images, count, samples.exampleShape(), 500);
      outputs.put(which, cached);
    }
    return cached;
  }

  private static float[][] rows(float[] flat, int count) {
    int width = flat.length / count;
    float[][] rows = new float[count][width];
    for (int i = 0; i < count; i++) {
      System.arraycopy(flat, i * width, rows[i], 0, width);
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
      layers = criticLayers(samples.exampleShape());
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
    validation = NamedDatasets.evaluationSplit(samples.dataset(), dataDir, Split.VALIDATION, samples.exampleShape());
    test = NamedDatasets.evaluationSplit(samples.dataset(), dataDir, Split.TEST, samples.exampleShape());
  }

  /**
   * The independent critic's network: DCGAN-28's discriminator for 28x28 images, DCGAN-32's or
   * DCGAN-64's without batch norm (the penalty is per example) for 32 and 64 pixels.
   */
  static List<Layer> criticLayers(int[] shape) {
    if (shape.length == 3 && shape[0] == shape[1] && (shape[0] == 32 || shape[0] == 64)) {
      return new org.jgan.graphs.models.Dcgan(shape[0], false, org.jgan.graphs.models.Dcgan.BASE).discriminator(shape);
    }
    return new Dcgan28().discriminator(shape);
  }
}
