package org.jgan.eval.metric;

import static org.jgan.eval.metric.FeatureRows.rows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.Dataset;
import org.jgan.eval.InceptionScore;
import org.jgan.eval.metric.EvaluationContext.Images;

/** {@code inception-score}: exp(E KL(p(y|x) || p(y))) under the metric classifier, with the real test set's as reference. */
public final class InceptionScoreMetric extends ClassifierImageMetric {
  /** The metric's name. */
  public static final String NAME = "inception-score";

  /** The metric, registered in {@link Metrics}. */
  public InceptionScoreMetric() {
    super(NAME);
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.higherIsBetter("mean"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    Samples samples = context.samples();
    InceptionScore.Score score = InceptionScore.fromLogits(
        rows(context.classifierOutputs(Images.SAMPLES).logits(), samples.count()), InceptionScore.DEFAULT_SPLITS);
    Dataset test = context.test();
    InceptionScore.Score reference = InceptionScore.fromLogits(
        rows(context.classifierOutputs(Images.TEST).logits(), test.size()), InceptionScore.DEFAULT_SPLITS);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.3f +- %.3f (real test data: %.3f)", score.mean(), score.std(), reference.mean()));
    r.put("mean", score.mean());
    r.put("std", score.std());
    r.put("splits", score.splits());
    r.put("real_data_reference", reference.mean());
    context.putClassifier(r);
    r.put("protocol", "exp(E KL(p(y|x) || p(y))) over " + score.splits() + " splits of " + score.samples()
        + " samples; reference: the same on the " + test.size() + " real test images");
    return r;
  }
}
