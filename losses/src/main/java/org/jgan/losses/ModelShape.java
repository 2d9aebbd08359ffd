package org.jgan.losses;

import org.jgan.graphs.layers.Activation;

/**
 * The shapes a model's networks are built for.
 *
 * @param exampleShape shape of one data example
 * @param zDim dimension of the generator's input (and of alpha-GAN's codes)
 * @param outputActivation the generator's last activation
 */
public record ModelShape(int[] exampleShape, int zDim, Activation outputActivation) {}
