package org.jgan.graphs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.ClusterDef;

class ClusterSpecTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("cluster.yaml"), yaml);
  }

  /** The one-line message reading {@code yaml} fails with; it must name the file. */
  private String error(String yaml) throws IOException {
    Path file = file(yaml);
    String message = assertThrows(IllegalArgumentException.class, () -> ClusterSpec.read(file)).getMessage();
    assertTrue(message.startsWith(file + ": "), message);
    assertFalse(message.contains("\n"), message);
    return message;
  }

  @Test
  void readsJobsInTaskOrderAsTensorFlowClusterDef() throws IOException {
    ClusterSpec cluster = ClusterSpec.read(file("ps: [127.0.0.1:2222]\nworker: [127.0.0.1:2223, 'localhost:2224']\n"));
    assertEquals(List.of("ps", "worker"), cluster.jobNames());
    assertEquals(2, cluster.taskCount("worker"));
    assertEquals(new TaskAddress("localhost", 2224), cluster.address("worker", 1));
    ClusterDef def = cluster.toClusterDef();
    assertEquals("ps", def.getJob(0).getName());
    assertEquals("127.0.0.1:2222", def.getJob(0).getTasksOrThrow(0));
    assertEquals("127.0.0.1:2223", def.getJob(1).getTasksOrThrow(0));
    assertEquals("localhost:2224", def.getJob(1).getTasksOrThrow(1));
  }

  @Test
  void psIsOptional() throws IOException {
    ClusterSpec cluster = ClusterSpec.read(file("worker: [127.0.0.1:2223]\n"));
    assertEquals(List.of("worker"), cluster.jobNames());
    assertEquals(0, cluster.taskCount("ps"));
  }

  @Test
  void namesEachBadField() throws IOException {
    assertTrue(error("worker: [127.0.0.1:1]\nchief: [127.0.0.1:2]\n").contains("unknown job 'chief'"));
    assertTrue(error("ps: [127.0.0.1:1]\n").contains("job 'worker' is missing"));
    assertTrue(error("worker: []\n").contains("worker: empty job"));
    assertTrue(error("worker: 127.0.0.1:2223\n").contains("worker: expected a list"));
    assertTrue(error("worker: [127.0.0.1:1, 127.0.0.1]\n").contains("worker[1]: malformed address '127.0.0.1'"));
    assertTrue(error("worker: ['127.0.0.1:70000']\n").contains("worker[0]: malformed address '127.0.0.1:70000'"));
    assertTrue(error("worker: ['a b:1']\n").contains("worker[0]: malformed address"));
    assertTrue(error("ps: [127.0.0.1:5]\nworker: [127.0.0.1:4, 127.0.0.1:5]\n")
        .contains("worker[1]: duplicate address 127.0.0.1:5 (also ps[0])"));
    assertTrue(error("worker: [127.0.0.1:1]\nworker: [127.0.0.1:2]\n").contains("duplicate key 'worker'"));
    assertTrue(error("- 127.0.0.1:1\n").contains("expected a map of jobs"));
  }

  @Test
  void taskOutOfRangeOrUnknownJobNamesTheFile() throws IOException {
    Path file = file("worker: [127.0.0.1:2223]\n");
    ClusterSpec cluster = ClusterSpec.read(file);
    String range = assertThrows(IllegalArgumentException.class, () -> cluster.address("worker", 1)).getMessage();
    assertEquals(file + ": task 1 out of range: job 'worker' has tasks 0..0", range);
    String job = assertThrows(IllegalArgumentException.class, () -> cluster.address("ps", 0)).getMessage();
    assertEquals(file + ": no job 'ps' (jobs: worker)", job);
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");
    assertEquals(missing + ": cluster file not found",
        assertThrows(IllegalArgumentException.class, () -> ClusterSpec.read(missing)).getMessage());
  }

  @Test
  void onlyLoopbackAddressesCountAsLocal() {
    assertTrue(TaskAddress.parse("127.0.0.1:1").isLoopback());
    assertTrue(TaskAddress.parse("127.3.4.5:1").isLoopback());
    assertTrue(TaskAddress.parse("localhost:1").isLoopback());
    assertTrue(TaskAddress.parse("[::1]:1").isLoopback());
    assertFalse(TaskAddress.parse("10.0.0.7:1").isLoopback());
    assertFalse(TaskAddress.parse("0.0.0.0:1").isLoopback());
    assertFalse(TaskAddress.parse("[::]:1").isLoopback());
    assertFalse(TaskAddress.parse("[fe80::1]:1").isLoopback());
    // A name is never resolved: one that resolves to 127.0.0.1 today may not tomorrow.
    assertFalse(TaskAddress.parse("localhost.example.com:1").isLoopback());
    assertFalse(TaskAddress.parse("gpu-node-3:1").isLoopback());
    assertEquals("[::1]:2222", TaskAddress.parse("[::1]:2222").toString());
  }
}
