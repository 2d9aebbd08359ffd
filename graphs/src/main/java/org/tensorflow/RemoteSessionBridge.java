package org.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetTarget;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/**
 * The one place jgan reaches into TensorFlow Java's package: {@link Session}'s public constructors
 * never set a target, so a session on a {@code grpc://} server is made natively here and wrapped
 * with Session's package-private constructor. Use {@code org.jgan.graphs.cluster.RemoteSessions}.
 */
public final class RemoteSessionBridge {
  private RemoteSessionBridge() {}

  /**
   * A session on {@code graph} whose master is {@code target}, configured by {@code config}, with the
   * initialisers of the variables already in {@code graph} run (build the graph before opening).
   */
  public static Session open(Graph graph, String target, ConfigProto config) {
    try (PointerScope scope = new PointerScope(); Graph.Reference ref = graph.ref()) {
      TF_Status status = TF_Status.newStatus();
      TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
      TF_SetTarget(options, target);
      byte[] bytes = config.toByteArray();
      TF_SetConfig(options, new BytePointer(bytes), bytes.length, status);
      status.throwExceptionIfNotOK();
      TF_Session session = TF_Session.newSession(ref.nativeHandle(), options, status);
      status.throwExceptionIfNotOK();
      session.retainReference(); // as Session's own allocate: the session outlives this scope
      Session wrapped = new Session(graph, session);
      // That constructor leaves automatic initialisation off (it is meant for restored models):
      // the variables built so far are initialised now, as Session(Graph) would on its first run.
      wrapped.initialize();
      return wrapped;
    }
  }
}
