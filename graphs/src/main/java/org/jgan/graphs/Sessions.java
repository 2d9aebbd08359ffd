package org.jgan.graphs;

import org.jgan.graphs.cluster.CellTask;
import org.jgan.graphs.cluster.RemoteSessions;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Sessions with fixed thread pools: the same seed and thread settings give bit-identical results.
 * TensorFlow keeps one intra-op pool per process, made by the first session opened: a later session
 * asking another intra-op count shares that pool (unless the environment sets
 * {@code TF_OVERRIDE_GLOBAL_THREADPOOL=1} before TensorFlow loads, which gives each session its own).
 * {@link SessionSettings#threadsPerJob} divides the machine among parallel runs. When the environment
 * names a cluster task ({@link CellTask#ENVIRONMENT}), sessions run on that task's server instead.
 */
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
   * A session with {@code threads} intra-op threads and one inter-op thread, on the CPU.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1 or above {@link #maxThreads()}
   */
  public static Session open(Graph graph, int threads) {
    return open(graph, SessionSettings.cpu(threads));
  }

  /**
   * A session as {@code settings} say. One inter-op thread (or, with
   * {@link SessionSettings#callerThread()}, the calling thread): a training graph is one chain of
   * dependent ops, so a second pool would only take cores from the intra-op pool (and the order in
   * which independent ops finish stays fixed). On {@link Device#GPU} the session first checks that
   * TensorFlow sees a GPU.
   *
   * @throws IllegalArgumentException when the thread count is below 1 or above {@link #maxThreads()},
   *     or a GPU is asked for and this machine (or this TensorFlow build) has none
   */
  public static Session open(Graph graph, SessionSettings settings) {
    check(settings);
    CellTask task = CellTask.fromEnvironment();
    if (task != null) { // a sweep cell given a cluster worker: its graph runs there
      return RemoteSessions.open(graph, task.target(), task.configure(config(settings).build()));
    }
    return new Session(graph, config(settings).build());
  }

  /**
   * {@link #open(Graph, SessionSettings)} in this process, whatever the environment names: for
   * graphs whose ops read or write this machine's files (event files, the local copy of a remote
   * session's variables), which a cluster task may not see.
   *
   * @throws IllegalArgumentException as {@link #open(Graph, SessionSettings)}
   */
  public static Session openHere(Graph graph, SessionSettings settings) {
    check(settings);
    return new Session(graph, config(settings).build());
  }

  /**
   * Whether {@link #open(Graph, SessionSettings)} runs its sessions on a cluster task rather than
   * in this process (a sweep cell given a worker, {@link CellTask#ENVIRONMENT}): their ops then
   * run in another process, which may not see this machine's files.
   *
   * @throws IllegalArgumentException naming the variable when its value is malformed
   */
  public static boolean openRemotely() {
    return CellTask.fromEnvironment() != null;
  }

  /** Refuses thread counts out of range and a GPU this machine lacks. */
  private static void check(SessionSettings settings) {
    String problem = threadCountProblem("thread count", settings.threads());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (settings.device() == Device.GPU) {
      GpuCheck.require(config(settings).build());
    }
  }

  /**
   * Checks that this process can run ops on {@code device}, before anything is built for it.
   *
   * @throws IllegalArgumentException naming the reason when a GPU is asked for and there is none
   */
  public static void requireAvailable(Device device) {
    if (device == Device.GPU) {
      GpuCheck.require(config(new SessionSettings(1, Device.GPU, false)).build());
    }
  }

  /**
   * The configuration {@link #open(Graph, SessionSettings)} gives its sessions, as a builder:
   * sessions of other kinds (remote, several devices) start from it and add their own settings.
   */
  public static ConfigProto.Builder config(SessionSettings settings) {
    // Grappler's remapper is off: it used to fail on the second-order gradient graphs of a gradient
    // penalty; now it fuses the products with their bias, but fused toy8 iterations ran slower with
    // it (docs/performance.md, "Fixed cost: two session settings measured and rejected"). Its memory optimiser is off:
    // it copied the training split then held in the graph as a constant and doubled an MNIST run's
    // start (docs/performance.md, "Start-up: Grappler's memory optimiser off"); the split is a variable now, and
    // the pass stays off (no graph of ours needs it; weights are byte-identical without it).
    GraphOptions graphOptions = GraphOptions.newBuilder()
        .setRewriteOptions(RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)
            .setMemoryOptimization(RewriterConfig.MemOptType.NO_MEM_OPT))
        .build();
    ConfigProto.Builder config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(settings.threads())
        .setInterOpParallelismThreads(settings.callerThread() ? -1 : 1)
        .setGraphOptions(graphOptions)
        .setLogDevicePlacement(settings.logPlacement());
    if (settings.device() == Device.CPU) {
      config.putDeviceCount("GPU", 0);
    } else {
      // Ops without a GPU kernel (string ops, some int32 ops) stay on the CPU instead of failing.
      config.setAllowSoftPlacement(true);
      config.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
    }
    return config;
  }

  /**
   * Why {@code threads} intra-op threads cannot run here, beginning with {@code what} (a flag, say), or
   * null when the count is in range: at least 1 and at most {@link #maxThreads()}.
   */
  public static String threadCountProblem(String what, int threads) {
    if (threads < 1) {
      return what + " must be at least 1, got " + threads;
    }
    if (threads > maxThreads()) {
      int processors = Runtime.getRuntime().availableProcessors();
      return what + " " + threads + " is more than " + THREADS_PER_PROCESSOR + " x the " + processors
          + " available processors (" + maxThreads() + ")";
    }
    return null;
  }
}
