package org.jgan.tools.run;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** How much memory this machine has, and byte counts written for people. */
public final class Memory {
  private static final double MB = 1024.0 * 1024.0;
  private static final double GB = 1024.0 * MB;
  /** Read once: an experiment checks thousands of cells against it. */
  private static final long MACHINE_BYTES = readMachineBytes();

  private Memory() {}

  /** The machine's physical memory (its container's limit, where it runs in one), in bytes. */
  public static long machineBytes() {
    return MACHINE_BYTES;
  }

  private static long readMachineBytes() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory(); // a JVM without the extended bean: what the heap may grow to
  }

  /** {@code bytes} as "350 MB", "12.5 GB" or, for absurd sizes, "7.4e+09 GB". */
  public static String format(double bytes) {
    if (bytes < GB) {
      return String.format(Locale.ROOT, "%.0f MB", bytes / MB);
    }
    double gb = bytes / GB;
    return String.format(Locale.ROOT, gb < 1e4 ? "%.1f GB" : "%.2g GB", gb);
  }
}
