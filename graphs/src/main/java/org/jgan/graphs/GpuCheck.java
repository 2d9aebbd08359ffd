package org.jgan.graphs;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Whether TensorFlow, as built into this process, can run an op on {@code /device:GPU:0}. */
final class GpuCheck {
  private static volatile Boolean present;

  private GpuCheck() {}

  /**
   * Fails with one line saying why when there is no GPU: an op pinned to the GPU, without soft
   * placement, either runs there or cannot be placed at all.
   */
  static void require(ConfigProto settings) {
    if (present == null) {
      present = probe(settings.toBuilder().setAllowSoftPlacement(false).setLogDevicePlacement(false).build());
    }
    if (!present) {
      throw new IllegalArgumentException("TensorFlow sees no GPU here (no CUDA device, or the CPU-only"
          + " TensorFlow build: build with mvn -Pgpu on a machine with an NVIDIA GPU, its driver, and the CUDA 12"
          + " libraries with cuDNN 9, which TensorFlow 2.18 loads; it does not load CUDA 13's)");
    }
  }

  private static boolean probe(ConfigProto config) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph).withDevice(org.tensorflow.DeviceSpec.newBuilder().deviceType(
          org.tensorflow.DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
      var sum = tf.math.add(tf.constant(1f), tf.constant(1f));
      try (Session session = new Session(graph, config); var result = session.runner().fetch(sum).run()) {
        return ((TFloat32) result.get(0)).getFloat() == 2f;
      } catch (RuntimeException e) {
        return false;
      }
    }
  }
}
