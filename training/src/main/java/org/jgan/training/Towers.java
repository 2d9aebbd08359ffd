package org.jgan.training;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.cluster.ClusterSpec;
import org.jgan.graphs.cluster.RemoteSessions;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * Where synchronous data-parallel training runs: one tower (replica of the model, on its slice of
 * each batch) per device, the variables on one state device, and the session that drives them.
 *
 * <p>Two kinds, built through the same graph code ({@link ReplicatedGanGraph}): the worker tasks of a
 * TensorFlow cluster ({@link #ofCluster}: state on the parameter server, or on worker 0 when the
 * cluster has no {@code ps} job; the session's master is worker 0), or several devices of this
 * machine ({@link #ofDevices}: {@code cpu:0,cpu:1} or {@code gpu:0,gpu:1}; state on the first CPU).
 *
 * @param towers each tower's device, in tower order
 * @param state the device variables and optimiser slots live on
 * @param target the session target, {@code grpc://host:port}, or null for a session in this process
 * @param cpus the CPU devices a session in this process must have (at least 1)
 * @param cluster the cluster the towers run on, or null for devices of this machine
 * @param timeoutSeconds on a cluster, how long one session run may take before it fails: TensorFlow
 *     waits forever for a task that died, so this bounds how long a lost task goes unnoticed
 */
public record Towers(List<DeviceSpec> towers, DeviceSpec state, String target, int cpus, ClusterSpec cluster,
    int timeoutSeconds) {
  /** The default of {@link #timeoutSeconds}: far above a training step's time, the time a lost task goes unnoticed. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  private static final Pattern DEVICE = Pattern.compile("(cpu|gpu):(\\d{1,3})");
  private static final Pattern TASK = Pattern.compile("/job:(ps|worker)/replica:\\d+/task:(\\d+)");
  /** How long {@link #failure} waits for each task to accept a connection. */
  private static final int PROBE_MILLIS = 2000;

  public Towers {
    towers = List.copyOf(towers);
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--cluster-timeout must be at least 1 second, got " + timeoutSeconds);
    }
    if (towers.isEmpty()) {
      throw new IllegalArgumentException("no tower devices");
    }
  }

  /** One tower per worker task of {@code cluster}. */
  public static Towers ofCluster(ClusterSpec cluster) {
    List<DeviceSpec> devices = new ArrayList<>();
    for (int task = 0; task < cluster.taskCount(ClusterSpec.WORKER); task++) {
      devices.add(task(ClusterSpec.WORKER, task));
    }
    DeviceSpec state = cluster.taskCount(ClusterSpec.PS) > 0 ? task(ClusterSpec.PS, 0) : devices.get(0);
    return new Towers(devices, state, "grpc://" + cluster.address(ClusterSpec.WORKER, 0), 1, cluster, DEFAULT_TIMEOUT_SECONDS);
  }

  /**
   * One tower per device of this machine named in {@code list}, comma-separated {@code cpu:N} or
   * {@code gpu:N}, each once.
   *
   * @throws IllegalArgumentException naming the flag and the bad entry
   */
  public static Towers ofDevices(String list) {
    List<DeviceSpec> devices = new ArrayList<>();
    int cpus = 1;
    for (String item : list.split(",", -1)) {
      Matcher m = DEVICE.matcher(item.trim().toLowerCase(java.util.Locale.ROOT));
      if (!m.matches()) {
        throw new IllegalArgumentException("--devices: '" + item.trim() + "' is not cpu:N or gpu:N (e.g. --devices gpu:0,gpu:1)");
      }
      int index = Integer.parseInt(m.group(2));
      DeviceSpec device = DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)))
          .deviceIndex(index).build();
      if (devices.stream().anyMatch(d -> d.toString().equals(device.toString()))) {
        throw new IllegalArgumentException("--devices: " + item.trim() + " is listed twice");
      }
      devices.add(device);
      if (m.group(1).equals("cpu")) {
        cpus = Math.max(cpus, index + 1);
      }
    }
    DeviceSpec state = DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(0).build();
    return new Towers(devices, state, null, cpus, null, DEFAULT_TIMEOUT_SECONDS);
  }

  private static DeviceSpec task(String job, int task) {
    return DeviceSpec.newBuilder().job(job).replica(0).task(task).build();
  }

  /** The same towers, a cluster's session runs failing after {@code seconds}. */
  public Towers withTimeout(int seconds) {
    return new Towers(towers, state, target, cpus, cluster, seconds);
  }

  /** The number of towers. */
  public int count() {
    return towers.size();
  }

  /** Whether the variables live in another process (so checkpoints go through the client). */
  public boolean remote() {
    return target != null;
  }

  /**
   * A session on {@code graph}: {@link Sessions#config}'s settings for {@code settings}' threads (its
   * device aside: the towers name theirs), ops without a kernel on their device moved to one that
   * has it (soft placement), and, in this process, the CPU devices the towers name and one inter-op
   * thread per tower, so towers run side by side.
   *
   * @throws IllegalArgumentException when the thread count is out of range
   */
  public Session open(Graph graph, SessionSettings settings) {
    String problem = Sessions.threadCountProblem("thread count", settings.threads());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    ConfigProto.Builder config = Sessions.config(settings).setAllowSoftPlacement(true);
    if (towers.stream().anyMatch(d -> d.toString().toUpperCase(java.util.Locale.ROOT).contains("GPU"))) {
      config.removeDeviceCount("GPU"); // a CPU session hides the GPUs that gpu:N towers run on
    }
    if (remote()) {
      config.setOperationTimeoutInMs(timeoutSeconds * 1000L);
      // A server keeps its variables across sessions by default: the next run's model, shaped
      // otherwise, would find the last one's and fail. Each run's variables are its own.
      config.setIsolateSessionState(true);
      Session session = RemoteSessions.open(graph, target, config.build());
      try {
        session.initialize(); // a session made through the bridge does not initialise itself on first run
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      return session;
    }
    config.putDeviceCount("CPU", cpus).setInterOpParallelismThreads(count());
    return new Session(graph, config.build());
  }

  /**
   * A one-line failure for a TensorFlow error of a cluster run, naming the task at fault: the first
   * task that no longer accepts connections, else the task TensorFlow's message names, else none.
   * The message keeps TensorFlow's first line. Devices of this machine: {@code e} itself.
   */
  public RuntimeException failure(RuntimeException e) {
    if (cluster == null) {
      return e;
    }
    String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
    for (String job : cluster.jobNames()) {
      for (int task = 0; task < cluster.taskCount(job); task++) {
        if (!answers(cluster.address(job, task))) {
          return new ClusterFailureException(job + " task " + task + " (" + cluster.address(job, task)
              + ") does not answer; restart it with 'jgan server --cluster " + cluster.file() + " --job " + job
              + " --task " + task + "', then train again with --resume (" + detail + ")", e);
        }
      }
    }
    Matcher named = TASK.matcher(detail);
    String who = named.find() ? named.group(1) + " task " + named.group(2) + " ("
        + cluster.address(named.group(1), Integer.parseInt(named.group(2))) + ") failed" : "the cluster failed";
    return new ClusterFailureException(who + ": " + detail, e);
  }

  private static boolean answers(org.jgan.graphs.cluster.TaskAddress address) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(address.host(), address.port()), PROBE_MILLIS);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
