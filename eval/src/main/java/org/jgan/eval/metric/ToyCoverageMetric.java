package org.jgan.eval.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.ToyMetrics;

/** {@code toy}: modes covered, high-quality share and mode KL of 2-D samples from a mixture. */
public final class ToyCoverageMetric implements Metric {
  /** The metric's name. */
  public static final String NAME = "toy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<DataKind> dataKinds() {
    return Set.of(DataKind.MIXTURE);
  }

  @Override
  public List<Headline> headlines() {
    return List.of(Headline.higherIsBetter("modes_covered"), Headline.higherIsBetter("high_quality_share"));
  }

  @Override
  public String refusal(DataKind kind, String dataset) {
    if (kind == DataKind.POINTS) {
      return "metric '" + NAME + "' needs a mixture with modes, not " + dataset;
    }
    return Metric.super.refusal(kind, dataset);
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) {
    Samples samples = context.samples();
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
}
