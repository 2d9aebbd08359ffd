package org.jgan.eval.metric;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a set of samples exactly as {@code jgan eval} does: the same metrics chosen (every
 * registered one that applies, classifier metrics only with a classifier), the same settings and
 * the same results and protocol text. For example:
 *
 * <pre>{@code
 * Samples samples = new Samples(points, 2500, new int[] {2}, "toy8", "my generator");
 * EvaluationResult result = Evaluator.evaluate(samples, null, EvalSettings.defaults(null));
 * int covered = (Integer) result.metrics().get("toy").get("modes_covered");
 * }</pre>
 */
public final class Evaluator {
  /** Told as each metric starts and ends, for progress output. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Called before and after each metric.
     *
     * @param metricsDone how many metrics have finished
     * @param message what happens now ("computing fid", "fid done")
     */
    void update(int metricsDone, String message);
  }

  private Evaluator() {}

  /**
   * The metrics {@code names} asks for, or when it is null every registered metric that applies to
   * the samples (classifier metrics only when {@code settings} names a classifier).
   *
   * @throws IllegalArgumentException naming the first metric that is unknown, does not apply to the
   *     samples' dataset, or needs a classifier there is not
   */
  public static List<Metric> choose(Samples samples, List<String> names, EvalSettings settings) {
    boolean hasClassifier = settings.classifierDir() != null;
    if (names == null) {
      return Metrics.defaultsFor(samples.dataset(), hasClassifier);
    }
    List<Metric> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(Metrics.requireApplicable(name, samples.dataset(), hasClassifier));
    }
    return chosen;
  }

  /** Evaluates {@code samples} with the metrics {@code names} asks for (null: every one that applies). */
  public static EvaluationResult evaluate(Samples samples, List<String> names, EvalSettings settings) throws IOException {
    return evaluate(samples, names, settings, (done, message) -> { });
  }

  /**
   * Evaluates {@code samples} with the metrics {@code names} asks for (null: every one that
   * applies), telling {@code listener} as each starts and ends.
   *
   * @throws IllegalArgumentException for a metric that cannot run on these samples (see {@link #choose}),
   *     or input a metric refuses (no real data folder, a missing corpus)
   * @throws IOException when reading real data, the classifier or a corpus fails
   */
  public static EvaluationResult evaluate(Samples samples, List<String> names, EvalSettings settings,
      Listener listener) throws IOException {
    List<Metric> chosen = choose(samples, names, settings);
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    try (EvaluationContext context = new EvaluationContext(samples, settings)) {
      for (Metric metric : chosen) {
        listener.update(results.size(), "computing " + metric.name());
        results.put(metric.name(), metric.evaluate(context));
        listener.update(results.size(), metric.name() + " done");
      }
    }
    return new EvaluationResult(samples.dataset(), samples.source(), samples.count(), samples.kind(), settings.seed(),
        results, settings.split());
  }
}
