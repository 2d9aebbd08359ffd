package org.jgan.eval.metric;

import static org.jgan.eval.metric.FeatureRows.rows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgan.data.Dataset;
import org.jgan.eval.EbganScore;
import org.jgan.eval.metric.EvaluationContext.Images;

/**
 * {@code ebgan-score}: the EBGAN paper's modified inception score I' = E_x KL(p(y) || p(y|x)) under
 * the metric classifier ({@link EbganScore}), higher better, with the real test set's as reference.
 * A paper-specific score, so it runs only when asked for by name.
 */
public final class EbganScoreMetric extends ClassifierImageMetric {
  /** The metric's name. */
  public static final String NAME = "ebgan-score";

  /** The metric, registered in {@link Metrics}. */
  public EbganScoreMetric() {
    super(NAME);
  }

  @Override
  public boolean runsByDefault() {
    return false;
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.higherIsBetter("score"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    Samples samples = context.samples();
    EbganScore.Score score = EbganScore.fromLogits(rows(context.classifierOutputs(Images.SAMPLES).logits(),
        samples.count()));
    Dataset test = context.test();
    EbganScore.Score reference = EbganScore.fromLogits(rows(context.classifierOutputs(Images.TEST).logits(),
        test.size()));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("I' %.3f (real test data: %.3f)", score.score(), reference.score()));
    r.put("score", score.score());
    r.put("real_data_reference", reference.score());
    context.putClassifier(r);
    r.put("protocol", "Zhao, Mathieu and LeCun, Energy-based Generative Adversarial Network (ICLR 2017), section 4.1:"
        + " I' = E_x KL(p(y) || p(y|x)), the inception score with the KL's arguments swapped and no exp, higher"
        + " better; p(y|x) from the metric classifier (the paper: its own MNIST classifier), p(y) the mean over all "
        + score.samples() + " samples; reference: the same on the " + test.size() + " real test images");
    return r;
  }
}
