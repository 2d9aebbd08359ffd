package org.jgan.graphs.cluster;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteServer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewServer;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ServerJoin;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ServerStart;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ServerStop;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_ServerTarget;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.internal.c_api.TF_Server;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ServerDef;

/**
 * An in-process TensorFlow gRPC server for one task of a {@link ClusterSpec}: it serves that task's
 * devices to the cluster's sessions ({@link RemoteSessions}) until closed or the process ends.
 */
public final class TensorFlowServer implements AutoCloseable {
  private final TaskAddress address;
  private final String target;
  private TF_Server server;

  private TensorFlowServer(TaskAddress address, TF_Server server) {
    this.address = address;
    this.server = server;
    this.target = TF_ServerTarget(server).getString();
  }

  /**
   * Starts the server of task {@code task} of {@code job}.
   *
   * @throws IllegalArgumentException naming the cluster file when the job or task is not in it, or
   *     naming the address when its port is already in use
   * @throws IllegalStateException when TensorFlow refuses to start the server (its message)
   */
  public static TensorFlowServer start(ClusterSpec cluster, String job, int task) {
    TaskAddress address = cluster.address(job, task);
    checkPortFree(cluster, address);
    byte[] bytes = ServerDef.newBuilder()
        .setCluster(cluster.toClusterDef())
        .setJobName(job)
        .setTaskIndex(task)
        .setProtocol("grpc")
        .build()
        .toByteArray();
    TF_Status status = TF_Status.newStatus();
    try {
      TF_Server server = TF_NewServer(new BytePointer(bytes), bytes.length, status);
      check(status, "cannot create the server for " + job + " task " + task + " at " + address);
      TF_ServerStart(server, status);
      if (TF_GetCode(status) != TF_OK) {
        TF_DeleteServer(server); // never started, so deleting it does not wait on anything
        check(status, "cannot start the server for " + job + " task " + task + " at " + address);
      }
      return new TensorFlowServer(address, server);
    } finally {
      status.delete();
    }
  }

  /**
   * TensorFlow's own failure to bind is a vague "could not start gRPC server" in its log, so the
   * port is tried first to name the address. (Another process may still take it in between; then
   * TensorFlow's message is what the caller sees.)
   */
  private static void checkPortFree(ClusterSpec cluster, TaskAddress address) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(false);
      probe.bind(new InetSocketAddress(address.host(), address.port()));
    } catch (IOException e) {
      throw new IllegalArgumentException(cluster.file() + ": address " + address + " is in use or cannot be bound here ("
          + e.getMessage() + ")");
    }
  }

  private static void check(TF_Status status, String what) {
    if (TF_GetCode(status) != TF_OK) {
      throw new IllegalStateException(what + ": " + TF_Message(status).getString().replace('\n', ' '));
    }
  }

  /** The address from the cluster file this server's task has. */
  public TaskAddress address() {
    return address;
  }

  /** The session target of this server, {@code grpc://host:port}, for {@link RemoteSessions#open}. */
  public String target() {
    return target;
  }

  /**
   * Stops the server and frees it. TensorFlow cannot stop a started gRPC server (TF_ServerStop says
   * "unimplemented"), and joining or deleting one would wait forever: then the server is left to
   * serve until the process exits, and this returns {@code false}.
   *
   * @return whether the server was stopped and freed
   */
  public synchronized boolean stop() {
    if (server == null) {
      return true;
    }
    TF_Status status = TF_Status.newStatus();
    try {
      TF_ServerStop(server, status);
      if (TF_GetCode(status) != TF_OK) {
        return false;
      }
      TF_ServerJoin(server, status);
      TF_DeleteServer(server);
      server = null;
      return true;
    } finally {
      status.delete();
    }
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }
}
