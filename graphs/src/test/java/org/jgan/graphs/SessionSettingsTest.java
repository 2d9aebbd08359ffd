package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Thread shares per parallel job, and the session configuration each device gets. */
class SessionSettingsTest {
  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  @Test
  void parallelJobsShareTheProcessorsAtLeastOneThreadEach() {
    assertEquals(PROCESSORS, SessionSettings.threadsPerJob(1));
    assertEquals(Math.max(1, PROCESSORS / 2), SessionSettings.threadsPerJob(2));
    assertEquals(1, SessionSettings.threadsPerJob(PROCESSORS * 4), "never below one thread");
    assertTrue(SessionSettings.threadsPerJob(3) * 3 <= Math.max(3, PROCESSORS), "three jobs do not oversubscribe");
    assertThrows(IllegalArgumentException.class, () -> SessionSettings.threadsPerJob(0));
  }

  @Test
  void callerThreadIsOptInAndComputesWhatThePoolComputes() {
    SessionSettings pool = SessionSettings.cpu(2);
    assertFalse(pool.callerThread(), "sessions keep the inter-op pool unless asked");
    assertEquals(-1, Sessions.config(pool.withCallerThread(true)).build().getInterOpParallelismThreads());
    float[] fromPool = product(pool);
    float[] fromCaller = product(pool.withCallerThread(true));
    assertEquals(fromPool.length, fromCaller.length);
    for (int i = 0; i < fromPool.length; i++) {
      assertEquals(fromPool[i], fromCaller[i], 1e-5f, "element " + i);
    }
  }

  /**
   * Why a caller-thread run's bits differ from the pool's: TensorFlow's threads flush subnormal
   * floats to zero and the caller's thread does not (no unordered variable read was found).
   */
  @Test
  void thePoolFlushesSubnormalResultsToZeroAndTheCallerThreadKeepsThem() {
    SessionSettings pool = SessionSettings.cpu(1);
    assertEquals(0f, tinyProduct(pool), "1e-10 x 1e-30 on the pool");
    assertEquals(1e-40f, tinyProduct(pool.withCallerThread(true)), "1e-10 x 1e-30 on the caller's thread");
  }

  /** 1e-10 x 1e-30, which is 1e-40, a subnormal float, unless flushed to zero. */
  private static float tinyProduct(SessionSettings settings) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class);
      var y = tf.math.mul(x, tf.constant(1e-30f));
      try (Session s = Sessions.open(g, settings); TFloat32 in = TFloat32.scalarOf(1e-10f);
          Result r = s.runner().feed(x, in).fetch(y).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }
  }

  private static float[] product(SessionSettings settings) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.constant(new float[][] {{1f, 2f}, {3f, 4f}});
      var y = tf.linalg.matMul(x, x);
      try (Session s = Sessions.open(g, settings); Result r = s.runner().fetch(y).run()) {
        float[] out = new float[4];
        for (int i = 0; i < 4; i++) {
          out[i] = ((TFloat32) r.get(0)).getFloat(i / 2, i % 2);
        }
        return out;
      }
    }
  }

  @Test
  void cpuHidesGpusAndGpuAllowsSoftPlacement() {
    ConfigProto cpu = Sessions.config(new SessionSettings(3, Device.CPU, false)).build();
    assertEquals(3, cpu.getIntraOpParallelismThreads());
    assertEquals(1, cpu.getInterOpParallelismThreads());
    assertEquals(0, cpu.getDeviceCountOrThrow("GPU"));
    assertFalse(cpu.getLogDevicePlacement());
    ConfigProto gpu = Sessions.config(new SessionSettings(2, Device.GPU, true)).build();
    assertTrue(gpu.getAllowSoftPlacement(), "ops without a GPU kernel fall back to the CPU");
    assertTrue(gpu.getLogDevicePlacement());
    assertFalse(gpu.containsDeviceCount("GPU"), "the GPU is not hidden");
  }

  @Test
  void aCpuSessionRuns() {
    try (Graph g = new Graph(); Session s = Sessions.open(g, new SessionSettings(1, Device.CPU, true))) {
      var sum = Ops.create(g).math.add(Ops.create(g).constant(2f), Ops.create(g).constant(3f));
      try (Result r = s.runner().fetch(sum).run()) {
        assertEquals(5f, ((TFloat32) r.get(0)).getFloat());
      }
    }
  }

  @Test
  void askingForAGpuWithoutOneIsOneClearError() {
    assumeFalse(Boolean.getBoolean("jgan.gpu.build"), "the CUDA build (mvn -Pgpu) may well see a GPU");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sessions.requireAvailable(Device.GPU));
    assertTrue(e.getMessage().contains("no GPU") && e.getMessage().contains("-Pgpu"), e.getMessage());
    try (Graph g = new Graph()) {
      assertThrows(IllegalArgumentException.class, () -> Sessions.open(g, new SessionSettings(1, Device.GPU, false)));
    }
    Sessions.requireAvailable(Device.CPU);
  }
}
