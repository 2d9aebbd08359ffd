/**
 * What {@code jgan eval} reads and computes: {@link org.jgan.tools.evaluation.EvalSamples} (samples from a
 * run, a model, an .npy file or PNGs), {@link org.jgan.tools.evaluation.EvalMetrics} (the metric suite), and the
 * {@link org.jgan.tools.evaluation.Npy} and {@link org.jgan.tools.evaluation.PngFile} formats.
 */
package org.jgan.tools.evaluation;
