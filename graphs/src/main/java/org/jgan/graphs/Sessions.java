package org.jgan.graphs;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** Sessions with fixed thread pools: the same seed and thread settings give bit-identical results. */
public final class Sessions {
  private Sessions() {}

  /** A session with {@code threads} intra-op threads and one inter-op thread. */
  public static Session open(Graph graph, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread count " + threads + " must be at least 1");
    }
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .build();
    return new Session(graph, config);
  }
}
