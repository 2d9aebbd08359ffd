package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Waiting for a line in a child process's log: bounded, and over at once, with the log, when the process exits first. */
final class LogLines {
  private LogLines() {}

  /**
   * The first line of {@code log} containing {@code text}, waiting at most {@code seconds}; fails with the log's
   * text when the time runs out or {@code writer} (unless null) has exited without writing it.
   */
  static String await(Path log, String text, Process writer, long seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      boolean exited = writer != null && !writer.isAlive(); // read after: the exit's last words are in the log
      Optional<String> line = read(log).lines().filter(l -> l.contains(text)).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (exited) {
        return fail("exited with " + writer.exitValue() + " before a line containing '" + text + "'; output:\n" + read(log));
      }
      Thread.sleep(50);
    }
    return fail("no line containing '" + text + "' within " + seconds + " s; output:\n" + read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
