/**
 * Training data as float batches: the 2-D toy mixtures ({@link org.jgan.data.ToyDistribution}), MNIST,
 * Fashion-MNIST, CIFAR-10 and image folders ({@link org.jgan.data.ImageDatasets}, {@link org.jgan.data.ImageFolder}),
 * and character text ({@link org.jgan.data.TextSequences}), all seen as a {@link org.jgan.data.Dataset} and drawn
 * in seeded minibatches by {@link org.jgan.data.ShuffledBatches}; {@link org.jgan.data.NamedDatasets} opens one by name.
 */
package org.jgan.data;
