package org.jgan.eval.metric;

import static org.jgan.eval.metric.FeatureRows.rows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.Dataset;
import org.jgan.eval.FrechetDistance;
import org.jgan.eval.metric.EvaluationContext.Images;

/** {@code fid}: Frechet distance between Gaussian fits to the classifier's features of the samples and the test set. */
public final class FrechetDistanceMetric extends ClassifierImageMetric {
  /** The metric's name. */
  public static final String NAME = "fid";

  /** The metric, registered in {@link Metrics}. */
  public FrechetDistanceMetric() {
    super(NAME);
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.lowerIsBetter("fid"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    Samples samples = context.samples();
    float[][] sampleFeatures = rows(context.classifierOutputs(Images.SAMPLES).features(), samples.count());
    float[][] testFeatures = rows(context.classifierOutputs(Images.TEST).features(), context.test().size());
    FrechetDistance.Result result = FrechetDistance.between(sampleFeatures, testFeatures);
    Dataset validation = context.validation();
    Dataset test = context.test();
    FrechetDistance.Result reference = FrechetDistance.between(
        rows(context.classifierOutputs(Images.VALIDATION).features(), validation.size()), testFeatures);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.4f (real validation vs test: %.4f)", result.distance(), reference.distance()));
    r.put("fid", result.distance());
    r.put("real_data_reference", reference.distance());
    context.putClassifier(r);
    r.put("protocol", "Frechet distance between Gaussians fitted (float64) to the classifier's " + result.dim()
        + "-d features of " + result.count1() + " samples and " + result.count2() + " real test images ("
        + test.name() + "); reference: " + validation.name() + " vs " + test.name());
    return r;
  }
}
