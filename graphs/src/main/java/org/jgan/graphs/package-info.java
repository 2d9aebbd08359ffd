/**
 * Building, running and saving TensorFlow graphs: {@link org.jgan.graphs.GraphContext} and
 * {@link org.jgan.graphs.Network} build networks from {@link org.jgan.graphs.Layer}s with scoped variables,
 * {@link org.jgan.graphs.Gradients} differentiates, {@link org.jgan.graphs.CheckpointStore} and
 * {@link org.jgan.graphs.SavedModels} save, and {@link org.jgan.graphs.AtomicFiles} writes files whole or not at all.
 */
package org.jgan.graphs;
