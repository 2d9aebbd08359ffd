/**
 * The architectures of the papers jgan reproduces, each an {@link org.jgan.graphs.models.Architecture} that builds a
 * generator and a discriminator: {@link org.jgan.graphs.models.Mlp}, {@link org.jgan.graphs.models.GanPaperMlp},
 * {@link org.jgan.graphs.models.Dcgan}, {@link org.jgan.graphs.models.Dcgan28} and
 * {@link org.jgan.graphs.models.ResNet1d}.
 */
package org.jgan.graphs.models;
