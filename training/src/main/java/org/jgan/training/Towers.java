package org.jgan.training;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 */
public record Towers(List<DeviceSpec> towers, DeviceSpec state, String target, int cpus) {
  private static final Pattern DEVICE = Pattern.compile("(cpu|gpu):(\\d{1,3})");

  public Towers {
    towers = List.copyOf(towers);
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
    return new Towers(devices, state, "grpc://" + cluster.address(ClusterSpec.WORKER, 0), 1);
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
    return new Towers(devices, state, null, cpus);
  }

  private static DeviceSpec task(String job, int task) {
    return DeviceSpec.newBuilder().job(job).replica(0).task(task).build();
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
   * A session on {@code graph}: {@link Sessions#config}'s settings, ops without a kernel on their
   * device moved to one that has it (soft placement), and, in this process, the CPU devices the
   * towers name and one inter-op thread per tower, so towers run side by side.
   */
  public Session open(Graph graph, int threads) {
    ConfigProto.Builder config = Sessions.config(threads).toBuilder().setAllowSoftPlacement(true);
    if (remote()) {
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
}
