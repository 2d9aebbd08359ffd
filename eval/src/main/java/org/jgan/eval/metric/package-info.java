/**
 * The metric registry: every metric {@code jgan eval} runs, as a {@link org.jgan.eval.metric.Metric}
 * in one list ({@link org.jgan.eval.metric.Metrics}), and the library call that evaluates samples
 * exactly as the command does ({@link org.jgan.eval.metric.Evaluator}).
 *
 * <p>A new metric is one class implementing {@code Metric} and one line: a {@code Metrics.register}
 * call, or an entry in the built-in list. The command line, the experiment tables' default columns
 * and the report all read the registry, so the metric then appears everywhere.
 */
package org.jgan.eval.metric;
