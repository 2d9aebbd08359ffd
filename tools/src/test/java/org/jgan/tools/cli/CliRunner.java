package org.jgan.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jgan.tools.Jgan;

/** Runs the command line in-process and captures its output. */
public final class CliRunner {
  public record Outcome(int exitCode, String out, String err) {
    /** The non-empty lines written to standard error. */
    java.util.List<String> errorLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private CliRunner() {}

  public static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Jgan.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Trains a 3-step GAN on toy8 into {@code run} and exports it into {@code model}; returns the export's outcome. */
  public static Outcome trainAndExport(java.nio.file.Path run, java.nio.file.Path model) {
    Outcome trained = run("train", "--objective", "gan", "--steps", "3", "--width", "8", "--out", run.toString(), "--quiet");
    org.junit.jupiter.api.Assertions.assertEquals(0, trained.exitCode(), trained.err());
    Outcome exported = run("export", "--checkpoint", run.toString(), "--out", model.toString());
    org.junit.jupiter.api.Assertions.assertEquals(0, exported.exitCode(), exported.err());
    return exported;
  }
}
