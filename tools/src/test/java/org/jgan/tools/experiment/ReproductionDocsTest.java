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

  @Test
  void aMarkerWithAnUnknownOptionIsRefusedByName() {
    String doc = "<!-- jgan table: docs/results/wgan-gp-toy-fast --rows dataset -->\n<!-- end jgan table -->\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReproductionDocs.regenerate(doc, ROOT));
    assertTrue(e.getMessage().contains("--rows"), e.getMessage());
  }
}
