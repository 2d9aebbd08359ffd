package org.jgan.eval.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jgan.data.ToyDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One list of metrics decides what an evaluation runs, what it refuses, and what a new metric needs. */
class MetricRegistryTest {
  @TempDir
  Path dir;

  /** A metric as a user would write one: the spread of the points' first coordinate. */
  private static final class FirstCoordinateSpread implements Metric {
    @Override
    public String name() {
      return "x-spread";
    }

    @Override
    public Set<DataKind> dataKinds() {
      return Set.of(DataKind.MIXTURE);
    }

    @Override
    public List<Headline> headlines() {
      return List.of(Headline.lowerIsBetter("range"));
    }

    @Override
    public Map<String, Object> evaluate(EvaluationContext context) {
      float[] v = context.samples().values();
      float low = Float.MAX_VALUE;
      float high = -Float.MAX_VALUE;
      for (int i = 0; i < v.length; i += 2) {
        low = Math.min(low, v[i]);
        high = Math.max(high, v[i]);
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("summary", "x from " + low + " to " + high);
      r.put("range", (double) high - low);
      r.put("protocol", "max - min of the first coordinate over " + context.samples().count() + " samples");
      return r;
    }
  }

  private static Samples toy8(int count) {
    float[] points = ToyDistribution.byId("toy8").sample(new SplittableRandom(3), count);
    return new Samples(points, count, new int[] {2}, "toy8", "test draws");
  }

  @Test
  void aMetricDefinedOutsideTheLibraryJoinsTheDefaultEvaluationOnceRegistered() throws Exception {
    Samples samples = toy8(64);
    EvalSettings settings = EvalSettings.defaults(null).withCriticSteps(1);
    assertEquals(List.of("toy", "critic"), List.copyOf(Evaluator.evaluate(samples, null, settings).metrics().keySet()));
    try (Metrics.Registration registered = Metrics.register(new FirstCoordinateSpread())) {
      EvaluationResult result = Evaluator.evaluate(samples, null, settings);
      assertEquals(List.of("toy", "critic", "x-spread"), List.copyOf(result.metrics().keySet()));
      float low = Float.MAX_VALUE;
      float high = -Float.MAX_VALUE;
      for (int i = 0; i < samples.values().length; i += 2) {
        low = Math.min(low, samples.values()[i]);
        high = Math.max(high, samples.values()[i]);
      }
      assertEquals((double) high - low, (Double) result.metrics().get("x-spread").get("range"), 0);
      Map<String, Object> document = result.document("test");
      assertEquals(List.of("jgan_version", "dataset", "source", "samples", "seed", "metrics"),
          List.copyOf(document.keySet()));
      assertEquals(Metrics.named("x-spread").headlines().get(0), Headline.lowerIsBetter("range"));
      assertThrows(IllegalArgumentException.class, () -> Metrics.register(new FirstCoordinateSpread()),
          "one name, one metric");
      IllegalArgumentException onImages = assertThrows(IllegalArgumentException.class,
          () -> Metrics.requireApplicable("x-spread", "mnist", true));
      assertEquals("metric 'x-spread' does not apply to dataset mnist", onImages.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Metrics.named("x-spread"), "closing the registration removes it");
  }

  @Test
  void unknownNamesAreRefusedListingEveryKnownMetric() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.named("fid2"));
    assertEquals("unknown metric 'fid2' (known: toy, parzen, inception-score, ebgan-score, fid, kid, ms-ssim, critic, text)",
        e.getMessage());
  }

  @Test
  void theDefaultMetricsFollowTheDataKindAndTheClassifier() {
    assertEquals(List.of("toy", "critic"), names(Metrics.defaultsFor("toy25", false)));
    assertEquals(List.of("critic"), names(Metrics.defaultsFor("swissroll", true)));
    assertEquals(List.of("parzen", "ms-ssim", "critic"), names(Metrics.defaultsFor("mnist", false)));
    assertEquals(List.of("parzen", "inception-score", "fid", "kid", "ms-ssim", "critic"),
        names(Metrics.defaultsFor("fashion", true)));
    assertEquals(List.of("text"), names(Metrics.defaultsFor("text", false)));
  }

  @Test
  void theEbganPapersScoreRunsOnlyWhenNamedAndHigherIsBetter() {
    Metric ebgan = Metrics.requireApplicable("ebgan-score", "mnist", true);
    assertEquals(List.of(Headline.higherIsBetter("score")), ebgan.headlines());
    assertEquals(false, names(Metrics.defaultsFor("mnist", true)).contains("ebgan-score"));
    assertEquals("classifier metrics (inception-score, ebgan-score, fid, kid) need --classifier (train one with jgan"
        + " classifier train)", refusal("ebgan-score", "mnist", false));
    assertEquals("metric 'ebgan-score' does not apply to dataset toy8", refusal("ebgan-score", "toy8", true));
  }

  @Test
  void aMetricAskedForWhereItCannotRunIsRefusedInOneLine() {
    assertEquals("metric 'parzen' does not apply to dataset toy8", refusal("parzen", "toy8", false));
    assertEquals("metric 'toy' needs a mixture with modes, not swissroll", refusal("toy", "swissroll", false));
    assertEquals("classifier metrics (inception-score, ebgan-score, fid, kid) need --classifier (train one with jgan classifier train)",
        refusal("kid", "mnist", false));
    assertEquals("metric 'critic' does not apply to text samples, which are scored by character n-gram divergence"
        + " (give no metrics)", refusal("critic", "text", true));
    assertEquals("metric 'text' does not apply to dataset mnist", refusal("text", "mnist", true));
    assertEquals("fid", Metrics.requireApplicable("fid", "mnist", true).name());
  }

  @Test
  void textSamplesAreScoredByNgramsAgainstTheCorpusWithoutASeed() throws Exception {
    Path corpus = Files.writeString(dir.resolve("corpus.txt"), "the cat sat\n\nthe dog ate\n");
    Samples same = Samples.text(List.of("the cat sat", "the dog ate"), "text", "mine");
    EvaluationResult result = Evaluator.evaluate(same, null, EvalSettings.defaults(null).withCorpus(corpus));
    assertEquals(0.0, (Double) result.metrics().get("text").get("mean"), 1e-12);
    assertEquals("Jensen-Shannon divergence (nats) between character n-gram distributions of 2 samples and 2 corpus"
        + " strings (" + corpus + "), n-grams within strings", result.metrics().get("text").get("protocol"));
    assertEquals(List.of("jgan_version", "dataset", "source", "samples", "metrics"),
        List.copyOf(result.document("v").keySet()));
    IllegalArgumentException noCorpus = assertThrows(IllegalArgumentException.class,
        () -> Evaluator.evaluate(same, null, EvalSettings.defaults(null)));
    assertEquals("--text needs --corpus FILE, --data DIR or JGAN_DATA", noCorpus.getMessage());
  }

  private static String refusal(String metric, String dataset, boolean hasClassifier) {
    return assertThrows(IllegalArgumentException.class,
        () -> Metrics.requireApplicable(metric, dataset, hasClassifier)).getMessage();
  }

  private static List<String> names(List<Metric> metrics) {
    return metrics.stream().map(Metric::name).toList();
  }
}
