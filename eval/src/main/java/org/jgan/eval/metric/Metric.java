package org.jgan.eval.metric;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation metric: its name, the data it applies to, the numbers a table leads with, and
 * how it scores a set of samples. Register it with {@link Metrics#register} (or list it among the
 * built-in ones in {@link Metrics}) and {@code jgan eval}, the experiment tables and
 * {@link Evaluator} all pick it up.
 */
public interface Metric {
  /** The name on the command line ({@code --metrics}) and the key of its results. */
  String name();

  /** The kinds of data it scores. */
  Set<DataKind> dataKinds();

  /**
   * Whether it needs the metric classifier: without one it is left out of the default set and
   * refused when asked for.
   */
  default boolean needsClassifier() {
    return false;
  }

  /**
   * Whether {@code jgan eval} runs it when no metrics are named (where it applies); a metric that
   * only one paper's protocol uses says false and runs when asked for by name.
   */
  default boolean runsByDefault() {
    return true;
  }

  /**
   * The numbers a table shows for it, the first one being its main number (the column named by
   * the metric alone); never empty.
   */
  List<Headline> headlines();

  /**
   * Why it cannot score samples of {@code dataset}, one line naming the metric, or null when it can.
   *
   * @param kind the dataset's kind
   * @param dataset the dataset's name
   */
  default String refusal(DataKind kind, String dataset) {
    if (dataKinds().contains(kind)) {
      return null;
    }
    if (kind == DataKind.TEXT) {
      return "metric '" + name() + "' does not apply to text samples, which are scored by character n-gram"
          + " divergence (give no metrics)";
    }
    return "metric '" + name() + "' does not apply to dataset " + dataset;
  }

  /**
   * Scores the samples.
   *
   * @param context the samples, the settings and the real data and classifier outputs, loaded once
   *     and shared by every metric of one evaluation
   * @return the values by key, in the order written, with a one-line {@code summary} and the
   *     {@code protocol} the values were measured by
   * @throws IOException when reading the real data, a classifier or a corpus fails
   */
  Map<String, Object> evaluate(EvaluationContext context) throws IOException;
}
