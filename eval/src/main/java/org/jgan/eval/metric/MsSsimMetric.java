package org.jgan.eval.metric;

import static org.jgan.eval.metric.FeatureRows.argmax;
import static org.jgan.eval.metric.FeatureRows.bytes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jgan.data.Dataset;
import org.jgan.eval.MsSsim;
import org.jgan.eval.MsSsimGraph;
import org.jgan.eval.metric.EvaluationContext.Images;

/**
 * {@code ms-ssim}: mean MS-SSIM of random sample pairs (lower = more diverse), per predicted class
 * too when there is a classifier, with the real test set's as reference.
 */
public final class MsSsimMetric implements Metric {
  /** The metric's name. */
  public static final String NAME = "ms-ssim";
  /** Random pairs per class (and overall). */
  static final int PAIRS = 100;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<DataKind> dataKinds() {
    return Set.of(DataKind.IMAGES);
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.lowerIsBetter("mean"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    int[] shape = context.samples().exampleShape();
    Dataset test = context.test();
    try (MsSsimGraph metric = new MsSsimGraph(shape[0], shape[1], shape[2], MsSsim.MAX_8BIT,
        context.settings().threads())) {
      return evaluate(context, metric, test);
    }
  }

  private static Map<String, Object> evaluate(EvaluationContext context, MsSsimGraph metric, Dataset test)
      throws IOException {
    Samples samples = context.samples();
    long seed = context.settings().seed();
    MsSsim.Diversity overall = metric.diversity(bytes(samples.values(), samples.count()), PAIRS, seed);
    MsSsim.Diversity reference = metric.diversity(bytes(test.values(), test.size()), PAIRS, seed);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("mean", overall.mean());
    r.put("std", overall.std());
    r.put("pairs", overall.pairs());
    r.put("clamped_pairs", overall.clampedPairs());
    r.put("real_data_reference", reference.mean());
    r.put("real_data_reference_clamped_pairs", reference.clampedPairs());
    String perClassNote = "";
    if (context.settings().classifierDir() != null) {
      Map<Integer, List<float[]>> byClass = new TreeMap<>();
      List<float[]> images = bytes(samples.values(), samples.count());
      int[] predicted = argmax(context.classifierOutputs(Images.SAMPLES).logits(), samples.count());
      for (int i = 0; i < images.size(); i++) {
        byClass.computeIfAbsent(predicted[i], k -> new ArrayList<>()).add(images.get(i));
      }
      Map<String, Object> perClass = new LinkedHashMap<>();
      for (Map.Entry<Integer, List<float[]>> e : byClass.entrySet()) {
        if (e.getValue().size() >= 2) {
          perClass.put(String.valueOf(e.getKey()), metric.diversity(e.getValue(), PAIRS, seed).mean());
        }
      }
      r.put("per_predicted_class", perClass);
      context.putClassifier(r);
      perClassNote = "; per class by the classifier's predicted class";
    }
    String clampNote = overall.clampedPairs() > 0 ? String.format("; %d of %d pairs clamped", overall.clampedPairs(),
        overall.pairs()) : "";
    r.put("summary", String.format("%.4f +- %.4f (real test data: %.4f; lower = more diverse%s)", overall.mean(),
        overall.std(), reference.mean(), clampNote));
    r.put("protocol", "MS-SSIM in-graph (5 scales, 11x11 Gaussian sigma 1.5, K1 0.01, K2 0.03, 8-bit) over " + PAIRS
        + " random pairs (seed " + seed + ")" + perClassNote + "; reference: the same on " + test.name()
        + "; a negative contrast-structure term (or last-scale SSIM) counts as 0, as in tf.image.ssim_multiscale"
        + " (msssim.py gives NaN), so such a pair scores 0; clamped_pairs counts them");
    return r;
  }
}
