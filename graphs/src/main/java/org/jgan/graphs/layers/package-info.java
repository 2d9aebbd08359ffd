/**
 * The layers networks are made of, each a {@link org.jgan.graphs.Layer}: {@link org.jgan.graphs.layers.Dense},
 * {@link org.jgan.graphs.layers.Conv2d}, {@link org.jgan.graphs.layers.Conv2dTranspose},
 * {@link org.jgan.graphs.layers.BatchNorm}, {@link org.jgan.graphs.layers.Maxout} and the others, plus
 * {@link org.jgan.graphs.layers.SpectralNorm} as a weight option.
 */
package org.jgan.graphs.layers;
