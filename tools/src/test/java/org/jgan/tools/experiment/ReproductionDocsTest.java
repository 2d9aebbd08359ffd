package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jgan.tools.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproductionDocsTest {
  /** Tests run in tools/; the repository root is its parent. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void committedReproductionsEqualWhatTheCommittedResultsGenerate() throws Exception {
    Path doc = ROOT.resolve("docs/reproductions.md");
    String committed = Files.readString(doc);
    assertTrue(committed.contains("<!-- jgan table: "), "docs/reproductions.md has generated tables");
    assertEquals(ReproductionDocs.regenerate(committed, ROOT), committed,
        "docs/reproductions.md is stale: run ./jgan experiment docs docs/reproductions.md");
  }

  @Test
  void aStaleTableIsRegeneratedAndTheProseKept(@TempDir Path dir) throws Exception {
    String results = "docs/results/wgan-gp-toy-fast";
    String marker = "<!-- jgan table: " + results + " --group-by dataset --metrics toy -->\n";
    String stale = "# Title\nprose before\n" + marker + "| old | table |\n<!-- end jgan table -->\nprose after\n";
    String fresh = ReproductionDocs.regenerate(stale, ROOT);
    String table = ExperimentTable.read(ROOT.resolve(results))
        .render(java.util.List.of("dataset"), java.util.List.of(ExperimentTable.column("toy")), "markdown");
    assertEquals("# Title\nprose before\n" + marker + table
        + "**Quick scale (1000 generator iterations), not the paper's.**\n<!-- end jgan table -->\nprose after\n", fresh);

    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, stale);
    CliRunner.Outcome check = CliRunner.run("experiment", "docs", doc.toString(), "--root", ROOT.toString(), "--check");
    assertEquals(1, check.exitCode());
    assertTrue(check.err().contains("stale"), check.err());
    assertEquals(stale, Files.readString(doc));
    CliRunner.Outcome update = CliRunner.run("experiment", "docs", doc.toString(), "--root", ROOT.toString());
    assertEquals(0, update.exitCode(), update.err());
    assertEquals(fresh, Files.readString(doc));
    assertFalse(ReproductionDocs.update(doc, ROOT, true));
  }

  /**
   * A correlation marker holds {@code jgan experiment correlate}'s table of the folder: here the
   * committed quick WGAN-GP cells, each given a log whose Wasserstein estimate falls as FID falls,
   * so every row's rho is +1 both ways (the estimate is the paper's quantity itself).
   */
  @Test
  void aCorrelationMarkerHoldsTheCorrelateTable(@TempDir Path root) throws Exception {
    String results = "docs/results/wgan-gp-toy-fast";
    Path copy = root.resolve(results);
    int cells = 0;
    try (var files = Files.walk(ROOT.resolve(results))) {
      for (Path source : files.toList()) {
        Path target = copy.resolve(ROOT.resolve(results).relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    try (var runs = Files.list(copy)) {
      for (Path cell : runs.filter(Files::isDirectory).toList()) {
        StringBuilder log = new StringBuilder();
        for (int step = 1; step <= 5; step++) {
          log.append("{\"step\":").append(step).append(",\"critic/wasserstein_estimate\":").append(3.0 / step)
              .append(",\"quality/fid\":").append(100.0 - step).append("}\n");
        }
        Files.writeString(cell.resolve("run/log.jsonl"), log);
        cells++;
      }
    }
    String marker = "<!-- jgan correlation: " + results + " -->\n";
    String doc = "prose\n" + marker + "stale\n<!-- end jgan correlation -->\nmore prose\n";
    String table = LossQualityCorrelation.table(copy, null, null);
    assertEquals(cells, table.split("\\| 5 \\| 1\\.000 \\| 1\\.000 \\|", -1).length - 1, table);
    assertEquals("prose\n" + marker + table + "**Quick scale (1000 generator iterations), not the paper's.**\n"
        + "<!-- end jgan correlation -->\nmore prose\n", ReproductionDocs.regenerate(doc, root));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReproductionDocs.regenerate(
        "<!-- jgan correlation: " + results + " --metrics fid -->\n<!-- end jgan correlation -->\n", root));
    assertTrue(e.getMessage().contains("unknown option --metrics (known: --loss, --quality)"), e.getMessage());
  }

  /**
   * A correlation marker may name one run folder, as {@code jgan experiment correlate} takes one:
   * its one row, here a GAN run whose discriminator loss falls as FID falls (rho +1 logged, -1 against
   * the paper's 1/2 L + log 2, which rises), and no quick-scale line (a run folder has no cells).
   */
  @Test
  void aCorrelationMarkerMayNameOneRunFolder(@TempDir Path root) throws Exception {
    Path run = root.resolve("docs/results/one-run/seed-2");
    Files.createDirectories(run);
    Files.writeString(run.resolve("config.json"), "{\"objective\": \"gan-ns\", \"steps\": 5}");
    StringBuilder log = new StringBuilder();
    for (int step = 1; step <= 5; step++) {
      log.append("{\"step\":").append(step).append(",\"discriminator/loss\":").append(3.0 / step)
          .append(",\"quality/fid\":").append(100.0 - step).append("}\n");
    }
    Files.writeString(run.resolve("log.jsonl"), log);
    String marker = "<!-- jgan correlation: docs/results/one-run/seed-2 -->\n";
    String regenerated = ReproductionDocs.regenerate(marker + "stale\n<!-- end jgan correlation -->\n", root);
    assertTrue(regenerated.contains("| seed-2 | discriminator/loss |"), regenerated);
    assertTrue(regenerated.contains("| 5 | 1.000 | -1.000 |"), regenerated);
    assertFalse(regenerated.contains("Quick scale"), regenerated);
  }

  @Test
  void aMarkerWithAnUnknownOptionIsRefusedByName() {
    String doc = "<!-- jgan table: docs/results/wgan-gp-toy-fast --rows dataset -->\n<!-- end jgan table -->\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReproductionDocs.regenerate(doc, ROOT));
    assertTrue(e.getMessage().contains("--rows"), e.getMessage());
  }
}
