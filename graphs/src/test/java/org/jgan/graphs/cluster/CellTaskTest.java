package org.jgan.graphs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/** The task a sweep cell's child process is handed, and the session settings that keep it there. */
class CellTaskTest {
  @Test
  void environmentValueRoundTripsAndNamesTheTask() {
    CellTask task = CellTask.parse("worker/1/127.0.0.1:2224");
    assertEquals(new CellTask("worker", 1, new TaskAddress("127.0.0.1", 2224)), task);
    assertEquals("worker/1/127.0.0.1:2224", task.environmentValue());
    assertEquals("grpc://127.0.0.1:2224", task.target());
    assertEquals("worker task 1 at 127.0.0.1:2224", task.toString());
  }

  @Test
  void malformedValuesNameTheVariable() {
    for (String bad : new String[] {"worker/1", "worker/x/127.0.0.1:1", "/1/127.0.0.1:1", "worker/1/nohost"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellTask.parse(bad));
      assertTrue(e.getMessage().startsWith(CellTask.ENVIRONMENT + "='" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void sessionsSeeOnlyTheirTaskAndKeepTheirStateApart() {
    ConfigProto config = new CellTask("worker", 1, new TaskAddress("127.0.0.1", 2224))
        .configure(ConfigProto.newBuilder().addDeviceFilters("/job:ps").setIntraOpParallelismThreads(3).build());
    assertEquals(java.util.List.of("/job:worker/task:1"), config.getDeviceFiltersList());
    assertTrue(config.getIsolateSessionState());
    assertEquals(3, config.getIntraOpParallelismThreads());
  }
}
