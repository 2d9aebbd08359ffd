package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands report progress through the shared reporter: plain lines when the output is not a
 * terminal (as here), nothing with {@code --quiet}.
 */
class ProgressCliTest {
  @TempDir
  Path dir;

  @Test
  void trainingEvaluationAndExportPrintPlainProgressLinesOrNothingWhenQuiet() {
    Path run = dir.resolve("run");
    CliRunner.Outcome trained = CliRunner.run("train", "--objective", "gan", "--steps", "10", "--width", "8",
        "--out", run.toString(), "--no-tensorboard");
    assertEquals(0, trained.exitCode(), trained.err());
    assertTrue(trained.out().lines().anyMatch(l -> l.matches("step 10/10  100%  [0-9.]+/s  ETA 0:00  .*loss=.*")),
        trained.out());
    assertTrue(!trained.out().contains("\r"), "not a terminal: no redrawn line");

    CliRunner.Outcome evaluated = CliRunner.run("eval", "--checkpoint", run.toString(), "--metrics", "toy", "--n", "300");
    assertEquals(0, evaluated.exitCode(), evaluated.err());
    assertTrue(evaluated.out().lines().anyMatch(l -> l.startsWith("metric 0/1    0%")), evaluated.out());
    assertTrue(evaluated.out().lines().anyMatch(l -> l.matches("metric 1/1  100%  .*toy done")), evaluated.out());

    CliRunner.Outcome quiet = CliRunner.run("eval", "--checkpoint", run.toString(), "--metrics", "toy", "--n", "300",
        "--quiet");
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertTrue(quiet.out().lines().noneMatch(l -> l.startsWith("metric ")), quiet.out());
    assertTrue(quiet.out().contains("| toy | "), "the results are still printed: " + quiet.out());

    CliRunner.Outcome exported = CliRunner.run("export", "--checkpoint", run.toString(), "--out", dir.resolve("model").toString());
    assertEquals(0, exported.exitCode(), exported.err());
    assertTrue(exported.out().lines().anyMatch(l -> l.matches("export 2/2  100%  .*done")), exported.out());
    CliRunner.Outcome quietExport = CliRunner.run("export", "--checkpoint", run.toString(), "--out",
        dir.resolve("model-quiet").toString(), "--quiet");
    assertEquals(0, quietExport.exitCode(), quietExport.err());
    assertTrue(quietExport.out().lines().noneMatch(l -> l.startsWith("export ")), quietExport.out());

    CliRunner.Outcome quietTraining = CliRunner.run("train", "--objective", "gan", "--steps", "4", "--width", "8",
        "--out", dir.resolve("quiet").toString(), "--no-tensorboard", "--quiet");
    assertEquals(0, quietTraining.exitCode(), quietTraining.err());
    assertTrue(quietTraining.out().lines().noneMatch(l -> l.startsWith("step ")), quietTraining.out());
  }
}
