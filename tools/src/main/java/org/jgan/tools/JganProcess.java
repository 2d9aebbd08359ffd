package org.jgan.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs jgan in a separate JVM with this JVM's classpath (sweep cells, crash tests). */
final class JganProcess {
  private JganProcess() {}

  /** {@code java -cp <this classpath> org.jgan.tools.Jgan <args>}. */
  static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Jgan.class.getName());
    command.addAll(args);
    return command;
  }
}
