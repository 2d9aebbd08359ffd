package org.jgan.tools;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures its output. */
final class CliRunner {
  record Outcome(int exitCode, String out, String err) {
    /** The non-empty lines written to standard error. */
    java.util.List<String> errorLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private CliRunner() {}

  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Jgan.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }
}
