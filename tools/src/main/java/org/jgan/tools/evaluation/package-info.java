/**
 * What {@code jgan eval} reads: {@link org.jgan.tools.evaluation.EvalSamples} turns a run, a model, an .npy
 * file or a folder of PNGs into the library's {@link org.jgan.eval.metric.Samples}, which
 * {@link org.jgan.eval.metric.Evaluator} scores with the metric registry; the {@link org.jgan.tools.evaluation.Npy}
 * and {@link org.jgan.tools.evaluation.PngFile} formats; {@link org.jgan.tools.evaluation.Histograms} of a metric
 * over an experiment's runs.
 */
package org.jgan.tools.evaluation;
