package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.tools.Jgan;

/** Runs the command line in-process and captures its output; the steps CLI tests share. */
public final class CliRunner {
  public record Outcome(int exitCode, String out, String err) {
    /** The non-empty lines written to standard error. */
    java.util.List<String> errorLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Fails the test unless this is a usage error (exit 2) of one line holding every fragment. */
    void assertOneLineError(String... fragments) {
      assertEquals(2, exitCode, err);
      assertEquals(1, errorLines().size(), "one line, got: " + err);
      for (String fragment : fragments) {
        assertTrue(err.contains(fragment), "'" + fragment + "' missing from: " + err);
      }
    }
  }

  private CliRunner() {}

  /** The datasets folder the test command names in JGAN_DATA; fails the test without it. */
  public static String data() {
    String data = System.getenv("JGAN_DATA");
    assertNotNull(data, "JGAN_DATA must name the datasets folder");
    return data;
  }

  public static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Jgan.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  /** {@code base} followed by {@code more}: a test's fixed command line with one call's own flags. */
  public static String[] args(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** {@code base} followed by {@code more}: a test's fixed command line with one call's own flags. */
  public static String[] args(String[] base, String... more) {
    return args(List.of(base), more);
  }

  /**
   * Runs {@code command} (a {@code train} command line) with {@code extra} and {@code --out out},
   * failing the test unless it exits 0; returns {@code out}.
   */
  public static Path trainInto(Path out, String[] command, String... extra) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(extra));
    args.addAll(List.of("--out", out.toString()));
    Outcome outcome = run(args.toArray(String[]::new));
    assertEquals(0, outcome.exitCode(), outcome.err());
    return out;
  }

  /**
   * The bytes of the .npy file {@code jgan sample} writes for {@code n} samples of seed {@code seed}
   * from run folder {@code run}'s checkpoint; the file lies beside the folder, named after it.
   */
  public static byte[] samples(Path run, int n, int seed) throws IOException {
    Path npy = run.resolveSibling(run.getFileName() + ".npy");
    Outcome outcome = run("sample", "--checkpoint", run.toString(), "--n", Integer.toString(n), "--seed",
        Integer.toString(seed), "--out", npy.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    return Files.readAllBytes(npy);
  }

  /** Trains a 3-step GAN on toy8 into {@code run} and exports it into {@code model}; returns the export's outcome. */
  public static Outcome trainAndExport(Path run, Path model) {
    Outcome trained = run("train", "--objective", "gan", "--steps", "3", "--width", "8", "--out", run.toString(), "--quiet");
    assertEquals(0, trained.exitCode(), trained.err());
    Outcome exported = run("export", "--checkpoint", run.toString(), "--out", model.toString());
    assertEquals(0, exported.exitCode(), exported.err());
    return exported;
  }
}
