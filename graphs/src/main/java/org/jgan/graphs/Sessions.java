package org.jgan.graphs;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/** Sessions with fixed thread pools: the same seed and thread settings give bit-identical results. */
public final class Sessions {
  /**
   * Intra-op threads allowed per available processor: more only contend for the processors, and
   * tens of thousands stall TensorFlow while it starts them.
   */
  public static final int THREADS_PER_PROCESSOR = 8;

  private Sessions() {}

  /** The most intra-op threads a session may have on this machine: {@link #THREADS_PER_PROCESSOR} per processor. */
  public static int maxThreads() {
    return THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
  }

  /**
   * A session with {@code threads} intra-op threads and one inter-op thread.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1 or above {@link #maxThreads()}
   */
  public static Session open(Graph graph, int threads) {
    return new Session(graph, config(threads));
  }

  /**
   * The configuration {@link #open} gives its sessions: {@code threads} intra-op threads, one inter-op
   * thread, Grappler's remapper off. Sessions of other kinds (remote, several devices) start from it.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1 or above {@link #maxThreads()}
   */
  public static ConfigProto config(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread count " + threads + " must be at least 1");
    }
    if (threads > maxThreads()) {
      throw new IllegalArgumentException(tooManyThreads("thread count", threads));
    }
    // Grappler's remapper fails on the second-order gradient graphs of a gradient penalty (it
    // logs an error and leaves the graph as it was), so it is switched off rather than left to fail.
    GraphOptions graphOptions = GraphOptions.newBuilder()
        .setRewriteOptions(RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF))
        .build();
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .setGraphOptions(graphOptions)
        .build();
  }

  /** The message refusing {@code threads} threads, beginning with {@code what} (a flag, say). */
  public static String tooManyThreads(String what, int threads) {
    int processors = Runtime.getRuntime().availableProcessors();
    return what + " " + threads + " is more than " + THREADS_PER_PROCESSOR + " x the " + processors
        + " available processors (" + maxThreads() + ")";
  }
}
