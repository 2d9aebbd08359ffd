package org.jgan.graphs;

/**
 * Where a session runs its ops: {@code cpu} hides every GPU from TensorFlow; {@code gpu} places
 * each op on {@code /device:GPU:0} where that device has a kernel for it and on the CPU
 * otherwise (soft placement). TensorFlow's GPU kernels come with the {@code gpu} Maven profile.
 */
public enum Device {
  CPU("cpu"),
  GPU("gpu");

  private final String id;

  Device(String id) {
    this.id = id;
  }

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /** The device called {@code id} (cpu or gpu). */
  public static Device byId(String id) {
    for (Device d : values()) {
      if (d.id.equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown device '" + id + "' (known: cpu, gpu)");
  }
}
