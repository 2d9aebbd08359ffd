package org.jgan.graphs;

/**
 * How a session runs: its intra-op thread count, its device, and whether TensorFlow logs where
 * it placed each op (to standard error, when the session first runs a graph).
 *
 * @param threads intra-op threads, at least 1 and at most {@link Sessions#maxThreads()}
 * @param device cpu, or gpu with soft placement
 * @param logPlacement whether to log each op's device
 * @param callerThread whether each op runs in the thread that calls {@code Session.run}
 *     (TensorFlow's {@code inter_op_parallelism_threads} -1) instead of being handed to a
 *     one-thread inter-op pool; it saves a thread hand-off per op, which is most of the fixed cost
 *     of a small graph's run. It is not bit-compatible with the pool: TensorFlow's own threads flush
 *     subnormal floats to zero, the caller's thread keeps them, so an op run there can give a
 *     subnormal where the pool gives 0 (Adam's moment slots, first; the weights of a toy8 WGAN-GP run
 *     stayed equal over 600 iterations)
 */
public record SessionSettings(int threads, Device device, boolean logPlacement, boolean callerThread) {
  /** Ops handed to a one-thread inter-op pool, as sessions ran before {@code callerThread} existed. */
  public SessionSettings(int threads, Device device, boolean logPlacement) {
    this(threads, device, logPlacement, false);
  }

  /** These settings with {@code callerThread} as given. */
  public SessionSettings withCallerThread(boolean inCallerThread) {
    return new SessionSettings(threads, device, logPlacement, inCallerThread);
  }

  /** {@code threads} intra-op threads on the CPU, placement not logged. */
  public static SessionSettings cpu(int threads) {
    return new SessionSettings(threads, Device.CPU, false);
  }

  /**
   * Intra-op threads for one of {@code jobs} processes sharing this machine: its available
   * processors divided among them, at least 1 each, so parallel runs do not oversubscribe the cores.
   */
  public static int threadsPerJob(int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("job count " + jobs + " must be at least 1");
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
  }
}
