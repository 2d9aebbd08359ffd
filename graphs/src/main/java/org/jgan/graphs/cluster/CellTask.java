package org.jgan.graphs.cluster;

import org.tensorflow.proto.ConfigProto;

/**
 * The cluster task a process's sessions run on, handed to a sweep cell's child process in the
 * environment variable {@value #ENVIRONMENT} as {@code job/index/host:port} (e.g.
 * {@code worker/1/127.0.0.1:2224}). Its sessions are opened on that task's gRPC master, see only
 * that task's devices, and keep their variables apart from other sessions' on the same server.
 *
 * @param job the task's job, e.g. {@value ClusterSpec#WORKER}
 * @param index the task's index within its job
 * @param address the task's address from the cluster file
 */
public record CellTask(String job, int index, TaskAddress address) {
  /** The environment variable naming the task a process's sessions run on. */
  public static final String ENVIRONMENT = "JGAN_CLUSTER_TASK";

  /** Task {@code index} of {@code job} in {@code cluster}. */
  public static CellTask of(ClusterSpec cluster, String job, int index) {
    return new CellTask(job, index, cluster.address(job, index));
  }

  /**
   * The task named by {@value #ENVIRONMENT} in this process's environment, or {@code null} when it
   * is not set (sessions run in this process).
   *
   * @throws IllegalArgumentException naming the variable when its value is malformed
   */
  public static CellTask fromEnvironment() {
    String value = System.getenv(ENVIRONMENT);
    return value == null || value.isBlank() ? null : parse(value);
  }

  /**
   * Parses {@code job/index/host:port}.
   *
   * @throws IllegalArgumentException naming the variable and the value when malformed
   */
  public static CellTask parse(String value) {
    String[] parts = value.split("/", 3);
    try {
      if (parts.length != 3 || parts[0].isEmpty()) {
        throw new IllegalArgumentException("expected job/index/host:port");
      }
      return new CellTask(parts[0], Integer.parseInt(parts[1]), TaskAddress.parse(parts[2]));
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw new IllegalArgumentException(ENVIRONMENT + "='" + value + "': " + e.getMessage());
    }
  }

  /** The value of {@value #ENVIRONMENT} that names this task. */
  public String environmentValue() {
    return job + "/" + index + "/" + address;
  }

  /** The session target of this task's server. */
  public String target() {
    return "grpc://" + address;
  }

  /**
   * {@code config} for a session on this task: only this task's devices are seen (so the cell's
   * whole graph is placed there), and its variables live in the session's own container, so two
   * cells on one server never share state.
   */
  public ConfigProto configure(ConfigProto config) {
    return config.toBuilder()
        .clearDeviceFilters()
        .addDeviceFilters("/job:" + job + "/task:" + index)
        .setIsolateSessionState(true)
        .build();
  }

  /** "worker task 1 at 127.0.0.1:2224": how errors name the task. */
  @Override
  public String toString() {
    return job + " task " + index + " at " + address;
  }
}
