package org.jgan.losses;

import org.jgan.graphs.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What an objective's losses are computed on.
 *
 * @param graph the graph under construction
 * @param real a batch of real examples [batch, example shape...] (fed by the trainer)
 * @param z a batch of prior draws [batch, zDim], fresh for every session run
 * @param prior the prior z is drawn from (alpha-GAN draws more codes from it)
 * @param batchSize examples per batch
 */
public record GanInputs(GraphContext graph, Operand<TFloat32> real, Operand<TFloat32> z, NoisePrior prior,
    int batchSize) {}
