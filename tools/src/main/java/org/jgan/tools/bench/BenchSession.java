package org.jgan.tools.bench;

import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.Sessions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The session options of the bench lines that train through the real {@code Trainer} and take no
 * batch or step counts ({@code iteration}, {@code memory}): intra-op threads and device.
 */
public final class BenchSession {
  @Option(names = "--threads", description = "TensorFlow intra-op threads (default: the available processors)")
  Integer threads;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu | gpu (default: ${DEFAULT-VALUE})")
  String device;

  /**
   * The session settings these options ask for; a thread count out of range, an unknown device or
   * one TensorFlow cannot run on here is refused naming its flag (exit 2).
   */
  SessionSettings settings(CommandSpec spec) {
    int threadCount = threads != null ? threads : SessionSettings.threadsPerJob(1);
    String problem = Sessions.threadCountProblem("--threads", threadCount);
    if (problem != null) {
      throw new ParameterException(spec.commandLine(), problem);
    }
    return new SessionSettings(threadCount, BenchOptions.availableDevice(spec, device), false);
  }
}
