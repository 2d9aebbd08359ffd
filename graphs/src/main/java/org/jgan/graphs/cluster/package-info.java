/**
 * Distributed TensorFlow: a {@link org.jgan.graphs.cluster.ClusterSpec} of tasks, an in-process
 * {@link org.jgan.graphs.cluster.TensorFlowServer}, and {@link org.jgan.graphs.cluster.RemoteSessions} that run a
 * graph on a {@code grpc://} master.
 */
package org.jgan.graphs.cluster;
