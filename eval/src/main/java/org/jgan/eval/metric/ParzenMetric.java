package org.jgan.eval.metric;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.data.Dataset;
import org.jgan.data.Split;
import org.jgan.eval.ParzenWindow;

/**
 * {@code parzen}: the Parzen-window log-likelihood of the real test images under Gaussians on
 * the samples (Goodfellow et al. 2014), sigma chosen on validation images (with {@link
 * EvalSettings#split} validation, the validation images after those that choose sigma are scored). Its result also
 * records the sigma search ({@code sigmas}, {@code validation_means}, {@code sigma}).
 */
public final class ParzenMetric implements Metric {
  /** The metric's name. */
  public static final String NAME = "parzen";

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
    return List.of(new Headline("mean_log_likelihood", true, "standard_error"));
  }

  @Override
  public Map<String, Object> evaluate(EvaluationContext context) throws IOException {
    Samples samples = context.samples();
    Dataset validation = context.validation();
    Dataset test = context.test();
    int dim = samples.values().length / samples.count();
    ParzenWindow.Estimate e = ParzenWindow.withThreads(context.settings().threads())
        .evaluate(samples.values(), validation.values(), test.values(), dim);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("summary", String.format("%.1f +- %.1f nats (sigma %.3f)", e.mean(), e.stdError(), e.sigma()));
    r.put("mean_log_likelihood", e.mean());
    r.put("standard_error", e.stdError());
    r.put("sigma", e.sigma());
    r.put("sigmas", e.sigmas());
    r.put("validation_means", e.validationMeans());
    r.put("protocol", "Goodfellow et al. 2014: isotropic Gaussians on " + e.samples() + " samples, pixels in [0, 1]; sigma"
        + " chosen on the first " + e.validationPoints() + " validation images (" + validation.name() + "); mean over "
        + e.testPoints() + (context.settings().split() == Split.TEST ? " test" : " held-out validation") + " images ("
        + test.name() + ") +- std / sqrt(N)");
    return r;
  }
}
