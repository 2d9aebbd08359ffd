/**
 * Training a GAN as a library: a {@link org.jgan.training.ModelSpec} names the objective, architecture and
 * settings, {@link org.jgan.training.GanGraph} builds its graph, and {@link org.jgan.training.Trainer} runs the
 * phases with checkpoints, resumption and {@link org.jgan.training.TrainingListener}s;
 * {@link org.jgan.training.GeneratorGraph} holds the generator alone, restored from a checkpoint, for sampling
 * and serving.
 */
package org.jgan.training;
