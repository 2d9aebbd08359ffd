package org.jgan.eval.metric;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgan.data.Split;

/**
 * What an evaluation found: each metric's values with its protocol, and what was evaluated.
 *
 * @param dataset the dataset the samples imitate
 * @param source the file or run the samples came from
 * @param samples how many samples were scored
 * @param kind the kind of data they are
 * @param seed the metrics' seed
 * @param metrics each metric's result by name, in the order they ran
 * @param split the real images the samples were scored against ({@link EvalSettings#split})
 */
public record EvaluationResult(String dataset, String source, int samples, DataKind kind, long seed,
    Map<String, Map<String, Object>> metrics, Split split) {
  /**
   * The document {@code jgan eval --out} writes: {@code jgan_version}, {@code dataset},
   * {@code source}, {@code samples}, {@code seed}, {@code split} (only when it is not the default,
   * the test split, so documents written before it existed read the same) and {@code metrics}, in
   * that order.
   *
   * @param jganVersion the version recorded with the numbers
   */
  public Map<String, Object> document(String jganVersion) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("jgan_version", jganVersion);
    document.put("dataset", dataset);
    document.put("source", source);
    document.put("samples", samples);
    // Text scores draw nothing at random, and their documents have never recorded a seed.
    if (kind != DataKind.TEXT) {
      document.put("seed", seed);
    }
    if (split != EvalSettings.DEFAULT_SPLIT) {
      document.put("split", split.name().toLowerCase());
    }
    document.put("metrics", metrics);
    return document;
  }
}
