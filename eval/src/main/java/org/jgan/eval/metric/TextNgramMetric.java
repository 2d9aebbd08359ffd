package org.jgan.eval.metric;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.eval.NgramDivergence;

/** {@code text}: Jensen-Shannon divergence between character n-gram distributions of text samples and a corpus. */
public final class TextNgramMetric implements Metric {
  /** The metric's name. */
  public static final String NAME = "text";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<DataKind> dataKinds() {
    return Set.of(DataKind.TEXT);
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.lowerIsBetter("mean"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    List<String> samples = context.samples().lines();
    EvaluationContext.Corpus corpus = context.corpus();
    NgramDivergence.Result result = NgramDivergence.between(samples, corpus.lines());
    Map<String, Object> r = new LinkedHashMap<>();
    double mean = 0;
    for (int n : result.orders()) {
      r.put("js_" + n, result.divergence(n));
      mean += result.divergence(n) / result.orders().length;
    }
    r.put("mean", mean);
    r.put("summary", String.format("mean JS %.4f nats over n = 1..%d", mean, result.orders().length));
    r.put("protocol", "Jensen-Shannon divergence (nats) between character n-gram distributions of "
        + samples.size() + " samples and " + corpus.lines().size() + " corpus strings (" + corpus.file()
        + "), n-grams within strings");
    return r;
  }
}
