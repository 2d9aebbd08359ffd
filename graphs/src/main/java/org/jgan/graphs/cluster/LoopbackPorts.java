package org.jgan.graphs.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports free on 127.0.0.1 for a loopback cluster's servers. All of them are bound at once and only
 * then released, so they differ: ports taken one at a time, each released before the next, can
 * repeat (the kernel may hand the same ephemeral port out twice), and a cluster file naming one
 * address twice is refused.
 */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  /** {@code count} distinct ports, free on 127.0.0.1 when this returns (another process may take one later). */
  public static List<Integer> free(int count) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return held.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }
}
