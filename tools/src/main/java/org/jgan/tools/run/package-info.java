/**
 * One training run's folder: {@link org.jgan.tools.run.TrainingRun} trains the library's
 * {@link org.jgan.training.RunConfig} (written as config.json) with locks, checkpoints, logs, TensorBoard
 * events, samples and figures; {@link org.jgan.tools.run.RunGenerator} reopens its generator for
 * {@code jgan sample} and {@code jgan export} (through {@link org.jgan.training.export.GeneratorExport}).
 */
package org.jgan.tools.run;
