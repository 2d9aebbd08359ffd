package org.jgan.eval.metric;

import static org.jgan.eval.metric.FeatureRows.rows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.eval.KernelInceptionDistance;
import org.jgan.eval.metric.EvaluationContext.Images;

/** {@code kid}: unbiased MMD^2 with a cubic polynomial kernel on classifier features, over random subsets. */
public final class KernelInceptionDistanceMetric extends ClassifierImageMetric {
  /** The metric's name. */
  public static final String NAME = "kid";

  /** The metric, registered in {@link Metrics}. */
  public KernelInceptionDistanceMetric() {
    super(NAME);
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.lowerIsBetter("mean"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    long seed = context.settings().seed();
    KernelInceptionDistance.Result result = KernelInceptionDistance.between(
        rows(context.classifierOutputs(Images.SAMPLES).features(), context.samples().count()),
        rows(context.classifierOutputs(Images.TEST).features(), context.test().size()), seed);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.5f +- %.5f", result.mean(), result.std()));
    r.put("mean", result.mean());
    r.put("std", result.std());
    r.put("subsets", result.subsets());
    r.put("subset_size", result.subsetSize());
    context.putClassifier(r);
    r.put("protocol", "unbiased MMD^2 with k(x, y) = (x.y / d + 1)^3 on classifier features, mean +- std over "
        + result.subsets() + " subsets of " + result.subsetSize() + " (seed " + seed + ") vs " + context.test().name());
    return r;
  }
}
