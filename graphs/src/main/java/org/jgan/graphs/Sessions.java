package org.jgan.graphs;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/** Sessions with fixed thread pools: the same seed and thread settings give bit-identical results. */
public final class Sessions {
  private Sessions() {}

  /** A session with {@code threads} intra-op threads and one inter-op thread. */
  public static Session open(Graph graph, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread count " + threads + " must be at least 1");
    }
    // Grappler's remapper fails on the second-order gradient graphs of a gradient penalty (it
    // logs an error and leaves the graph as it was), so it is switched off rather than left to fail.
    GraphOptions graphOptions = GraphOptions.newBuilder()
        .setRewriteOptions(RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF))
        .build();
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .setGraphOptions(graphOptions)
        .build();
    return new Session(graph, config);
  }
}
