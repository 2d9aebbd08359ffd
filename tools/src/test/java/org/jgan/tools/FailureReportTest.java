package org.jgan.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jgan.training.NonFiniteTrainingException;
import org.junit.jupiter.api.Test;

/** A failed command's one line and exit code, and the stack trace that JGAN_STACKTRACE=1 adds. */
class FailureReportTest {
  private record Report(int exitCode, List<String> lines) {}

  private static Report report(Exception e, boolean trace) {
    StringWriter err = new StringWriter();
    int code = Jgan.report("jgan train", e, new PrintWriter(err), trace);
    return new Report(code, err.toString().lines().toList());
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    Report report = report(new IllegalArgumentException("--steps: -5 must be positive"), false);
    assertEquals(2, report.exitCode());
    assertEquals(List.of("jgan train: error: --steps: -5 must be positive"), report.lines());
  }

  @Test
  void anUnforeseenFailureNamesItsExceptionAndHowToSeeWhere() {
    Report report = report(new IllegalStateException("no session"), false);
    assertEquals(1, report.exitCode());
    assertEquals(List.of("jgan train: failed: java.lang.IllegalStateException: no session (JGAN_STACKTRACE=1 prints where)"),
        report.lines());
  }

  @Test
  void aDivergedRunSaysOnlyWhatHappened() {
    Report report = report(new NonFiniteTrainingException(7, "critic", "loss", "is NaN"), false);
    assertEquals(1, report.exitCode());
    assertEquals(List.of("jgan train: failed: training diverged at step 7: critic/loss is NaN"), report.lines());
  }

  @Test
  void withTraceTheLineIsFollowedByTheStackTraceWhateverTheKind() {
    for (Exception e : List.of(new IllegalStateException("no session"), new IllegalArgumentException("bad width"))) {
      Report report = report(e, true);
      assertTrue(report.lines().size() > 2, report.lines().toString());
      assertTrue(report.lines().get(0).startsWith("jgan train: "), report.lines().get(0));
      assertTrue(!report.lines().get(0).contains("JGAN_STACKTRACE"), report.lines().get(0));
      assertEquals(e.toString(), report.lines().get(1));
      assertTrue(report.lines().get(2).contains("at org.jgan.tools.FailureReportTest."), report.lines().get(2));
    }
    assertEquals(2, report(new IllegalArgumentException("bad width"), true).exitCode());
  }
}
