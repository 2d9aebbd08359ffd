/**
 * One training run and its folder: {@link org.jgan.tools.run.RunConfig} (config.json),
 * {@link org.jgan.tools.run.TrainingRun} (trains, checkpoints, logs and draws samples),
 * {@link org.jgan.tools.run.Defaults} (resolved settings), {@link org.jgan.tools.run.ModelMetadata} and
 * {@link org.jgan.tools.run.ExportedModel} (an exported generator) and {@link org.jgan.tools.run.RunGenerator}.
 */
package org.jgan.tools.run;
