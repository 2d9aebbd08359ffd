package org.jgan.tools.bench;

import java.io.PrintWriter;
import org.jgan.graphs.Device;
import org.jgan.graphs.SessionSettings;
import org.jgan.graphs.Sessions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every {@code jgan bench} line shares: batch, timed and warm-up rounds, threads, device. */
public final class BenchOptions {
  /** Bound on --steps and --warmup: each timed step keeps its time. */
  static final int MAX_STEPS = 1_000_000;

  @Spec(Spec.Target.MIXEE)
  public CommandSpec spec;

  @Option(names = "--batch", description = "batch size")
  public int batch;

  @Option(names = "--steps", description = "timed rounds, whose median is reported")
  public int steps;

  @Option(names = "--warmup", description = "untimed rounds first")
  public int warmup;

  @Option(names = "--threads", description = "TensorFlow intra-op threads (default: the available processors)")
  Integer threads;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu | gpu (default: ${DEFAULT-VALUE})")
  String device;

  /** A line's own defaults for batch, timed and warm-up rounds. */
  public BenchOptions(int batch, int steps, int warmup) {
    this.batch = batch;
    this.steps = steps;
    this.warmup = warmup;
  }

  /** Refuses values out of range, naming the flag (exit 2). */
  public void check() {
    if (threads == null) {
      threads = SessionSettings.threadsPerJob(1);
    }
    if (batch < 1 || steps < 1 || warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--batch and --steps must be at least 1 and --warmup at least 0");
    }
    String threadProblem = Sessions.threadCountProblem("--threads", threads);
    if (threadProblem != null) {
      throw new ParameterException(spec.commandLine(), threadProblem);
    }
    if (steps > MAX_STEPS || warmup > MAX_STEPS) {
      throw new ParameterException(spec.commandLine(), "--steps and --warmup must be at most " + MAX_STEPS + ", got "
          + steps + " and " + warmup);
    }
    availableDevice(spec, device);
  }

  Device device() {
    return availableDevice(spec, device);
  }

  /**
   * The device {@code id} names (a bench line's {@code --device}), refused naming the flag (exit 2)
   * when it is unknown or TensorFlow cannot run on it here.
   */
  static Device availableDevice(CommandSpec spec, String id) {
    Device device;
    try {
      device = Device.byId(id);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--device: " + e.getMessage());
    }
    try {
      Sessions.requireAvailable(device);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--device " + id + ": " + e.getMessage());
    }
    return device;
  }

  /** The session settings of the bench's graphs. */
  public SessionSettings settings() {
    return new SessionSettings(threads, device(), false);
  }

  /** The settings, for a result's comment line. */
  public String describe() {
    return String.format("batch=%d steps=%d warmup=%d threads=%d device=%s processors=%d", batch, steps, warmup, threads,
        device, Runtime.getRuntime().availableProcessors());
  }

  public PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
