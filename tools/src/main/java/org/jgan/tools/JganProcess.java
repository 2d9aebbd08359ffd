package org.jgan.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The command line that runs jgan in a separate JVM with this JVM's classpath (sweep cells, crash tests). */
final class JganProcess {
  private JganProcess() {}

  /** {@code java -cp <this classpath> org.jgan.tools.Jgan <args>}. */
  static List<String> command(List<String> args) {
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
    ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
    builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    Process process = builder.start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line; (line = output.readLine()) != null; ) {
        writer.println(line);
        writer.flush(); // so a long cell's log can be followed while it runs
        lines.accept(line);
      }
    } finally {
      process.waitFor();
    }
    if (process.exitValue() != 0) {
      List<String> tail = Files.readAllLines(log);
      String last = tail.isEmpty() ? "" : tail.get(tail.size() - 1);
      throw new IOException("'jgan " + args.get(0) + "' exited with " + process.exitValue() + ": " + last + " (log: " + log + ")");
    }
  }
}
