package org.jgan.graphs.cluster;

import org.tensorflow.Graph;
import org.tensorflow.RemoteSessionBridge;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** Sessions whose master is a TensorFlow server ({@code grpc://host:port}) rather than this process. */
public final class RemoteSessions {
  private RemoteSessions() {}

  /**
   * A session running {@code graph} through the server at {@code target}; ops placed on other tasks
   * of that server's cluster ({@code tf.withDevice}) run there. Close it like any session.
   *
   * @throws IllegalArgumentException when {@code target} is not a {@code grpc://} target
   */
  public static Session open(Graph graph, String target, ConfigProto config) {
    if (!target.startsWith("grpc://")) {
      throw new IllegalArgumentException("session target '" + target + "' is not grpc://host:port");
    }
    return RemoteSessionBridge.open(graph, target, config);
  }
}
