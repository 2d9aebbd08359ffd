/**
 * Optimisers that update only the variables they are given (one per network), each an
 * {@link org.jgan.graphs.optim.Optimizer}: {@link org.jgan.graphs.optim.Adam}, {@link org.jgan.graphs.optim.RmsProp},
 * {@link org.jgan.graphs.optim.Momentum}, with learning-rate and momentum schedules such as
 * {@link org.jgan.graphs.optim.ExponentialDecay}.
 */
package org.jgan.graphs.optim;
