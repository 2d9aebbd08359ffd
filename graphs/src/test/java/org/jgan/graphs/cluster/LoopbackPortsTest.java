package org.jgan.graphs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Free loopback ports for a cluster's servers are distinct and can be bound once returned. */
class LoopbackPortsTest {
  @Test
  void manyPortsAtOnceAreDistinctAndFree() throws Exception {
    for (int round = 0; round < 20; round++) {
      List<Integer> ports = LoopbackPorts.free(8);
      assertEquals(8, new HashSet<>(ports).size(), "a port repeated: " + ports);
      for (int port : ports) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          assertEquals(port, socket.getLocalPort());
        }
      }
    }
  }
}
