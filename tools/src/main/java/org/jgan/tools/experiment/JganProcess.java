package org.jgan.tools.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jgan.tools.run.GracefulStop;
import org.jgan.tools.Jgan;
import org.jgan.tools.run.ParentWatch;

/**
 * The command line that runs jgan in a separate JVM with this JVM's classpath (sweep cells, crash
 * tests). Children die with this process: it passes them its process id ({@link ParentWatch}
 * stops them if it dies, even by SIGKILL) and, when it shuts down, asks them to stop (SIGTERM, so
 * training saves where it is), starts no more ({@link ChildProcesses}) and waits for them a bounded time.
 */
public final class JganProcess {
  /** How long shutdown waits for children to save and exit, in seconds. */
  static final long SHUTDOWN_WAIT_SECONDS = GracefulStop.WAIT_SECONDS;

  private static final ChildProcesses CHILDREN = new ChildProcesses();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> CHILDREN.stopAll(Duration.ofSeconds(SHUTDOWN_WAIT_SECONDS)), "jgan-stop-children"));
  }

  private JganProcess() {}

  /** {@code java -cp <this classpath> org.jgan.tools.Jgan <args>}. */
  public static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true"); // figures are drawn off-screen, display or not
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Jgan.class.getName());
    command.addAll(args);
    return command;
  }

  /**
   * Runs {@code jgan args} to the end, its output (stdout and stderr) into {@code log} and, line by
   * line, to {@code lines}; a non-zero exit is an IOException quoting the log's last line.
   */
  static void run(List<String> args, Path log, Consumer<String> lines) throws IOException, InterruptedException {
    run(args, java.util.Map.of(), log, lines);
  }

  /** {@link #run(List, Path, Consumer)} with {@code environment} added to the child's environment. */
  static void run(List<String> args, java.util.Map<String, String> environment, Path log, Consumer<String> lines)
      throws IOException, InterruptedException {
    run(args, environment, log, lines, () -> null);
  }

  /**
   * {@link #run(List, java.util.Map, Path, Consumer)}, checking {@code failure} every second while
   * the child runs: when it gives a reason (a cluster worker died, say, which leaves the child
   * waiting on it), the child is killed and the IOException gives that reason.
   */
  static void run(List<String> args, java.util.Map<String, String> environment, Path log, Consumer<String> lines,
      java.util.function.Supplier<String> failure) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.environment().put(ParentWatch.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
    Process process = CHILDREN.start(builder, "jgan " + args.get(0));
    java.util.concurrent.atomic.AtomicReference<String> reason = new java.util.concurrent.atomic.AtomicReference<>();
    Thread watch = new Thread(() -> {
      try {
        while (!process.waitFor(1, TimeUnit.SECONDS)) {
          String why = failure.get();
          if (why != null) {
            reason.set(why);
            process.toHandle().destroyForcibly(); // its last checkpoint was written atomically, so nothing is lost
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "jgan-child-watch");
    watch.setDaemon(true);
    watch.start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line; (line = output.readLine()) != null; ) {
        writer.println(line);
        writer.flush(); // so a long cell's log can be followed while it runs
        lines.accept(line);
      }
    } finally {
      process.waitFor();
      CHILDREN.forget(process); // only now, so a shutdown waits until the child's last words are in its log
    }
    watch.interrupt();
    if (reason.get() != null) {
      throw new IOException("'jgan " + args.get(0) + "' stopped: " + reason.get() + " (log: " + log + ")");
    }
    if (process.exitValue() != 0) {
      List<String> tail = Files.readAllLines(log);
      String last = tail.isEmpty() ? "" : tail.get(tail.size() - 1);
      throw new IOException("'jgan " + args.get(0) + "' exited with " + process.exitValue() + ": " + last + " (log: " + log + ")");
    }
  }

  /** Whether this JVM is shutting down, so that no further child starts. */
  public static boolean stopping() {
    return CHILDREN.stopping();
  }
}
