package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.tools.cli.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's best row per objective, as papers report it, chosen from fixed result files. */
class BestOfSweepTableTest {
  @TempDir
  Path dir;

  private void result(int order, String objective, double lr, long seed, String metrics) throws Exception {
    String cell = "objective-" + objective + "_lr-" + lr + "_seed-" + seed;
    Files.writeString(Files.createDirectories(dir.resolve(cell)).resolve("result.json"), """
        {"experiment": "sweep", "cell": "%s", "order": %d, "settings": {"objective": "%s", "lr": %s, "seed": %d},
         %s}
        """.formatted(cell, order, objective, lr, seed, metrics));
  }

  private static String scores(double modes, double fid) {
    return """
        "eval": {"metrics": {"toy": {"modes_covered": %s, "protocol": "nearest mode"},
                             "fid": {"fid": %s, "protocol": "Frechet"}}}""".formatted(modes, fid);
  }

  private static final String DIVERGED = """
      "diverged": {"step": 77, "phase": "critic", "quantity": "loss", "message": "diverged"}, "eval": {"metrics": {}}""";

  @BeforeEach
  void sweep() throws Exception {
    // gan, lr 0.001: modes 5, 7 -> 6; fid 30, 34 -> 32.   gan, lr 0.01: modes 8, 8 -> 8; fid 40, 44 -> 42.
    result(0, "gan", 0.001, 1, scores(5, 30));
    result(1, "gan", 0.001, 2, scores(7, 34));
    result(2, "gan", 0.01, 1, scores(8, 40));
    result(3, "gan", 0.01, 2, scores(8, 44));
    // wgan-gp, lr 0.001: both seeds diverged (no mean: never chosen).   lr 0.01: modes 6, 8 -> 7; fid 20, 22 -> 21.
    result(4, "wgan-gp", 0.001, 1, DIVERGED);
    result(5, "wgan-gp", 0.001, 2, DIVERGED);
    result(6, "wgan-gp", 0.01, 1, scores(6, 20));
    result(7, "wgan-gp", 0.01, 2, scores(8, 22));
  }

  private static final List<ExperimentTable.Column> COLUMNS = List.of(ExperimentTable.column("toy"),
      ExperimentTable.column("fid"));
  private static final List<String> ROWS = List.of("objective", "lr");

  @Test
  void theFirstColumnChoosesEachObjectivesBestRateAndTheProtocolSaysSo() throws Exception {
    ExperimentTable best = ExperimentTable.read(dir).bestOf(ROWS, List.of("objective"), COLUMNS, null);
    String text = best.render(ROWS, COLUMNS, "markdown");
    assertTrue(text.startsWith("""
        | objective | lr | toy.modes_covered (higher better) | fid.fid (lower better) |
        |---|---|---|---|
        | gan | 0.01 | **8 +- 0** | 42 +- 2.828 |
        | wgan-gp | 0.01 | 7 +- 1.414 | **21 +- 1.414** |
        """), text);
    assertTrue(text.contains("Experiment sweep: 4 runs, seeds [1, 2];"), text);
    assertTrue(text.contains("Best of the sweep: for each objective, the row with the best mean toy.modes_covered"
        + " (higher better) among its 2 rows; 2 rows (4 runs) left out."), text);
  }

  @Test
  void aLowerIsBetterMetricChoosesTheSmallestMean() throws Exception {
    ExperimentTable best = ExperimentTable.read(dir).bestOf(ROWS, List.of("objective"), COLUMNS, "fid");
    String csv = best.render(ROWS, COLUMNS, "csv");
    assertTrue(csv.startsWith("objective,lr,toy.modes_covered (higher better),fid.fid (lower better)\n"
        + "gan,0.001,6 +- 1.414,32 +- 2.828\n"
        + "wgan-gp,0.01,7 +- 1.414 *,21 +- 1.414 *\n"), csv);
  }

  @Test
  void everyRowOfAnObjectiveDivergedMeansNoneIsChosenForIt() throws Exception {
    ExperimentTable table = ExperimentTable.read(dir);
    // Per rate instead: at 0.001 only gan has numbers, so wgan-gp is left without a row, and the line says so.
    String text = table.bestOf(ROWS, List.of("lr"), COLUMNS, null).render(ROWS, COLUMNS, "markdown");
    assertTrue(text.contains("| gan | 0.001 |") && text.contains("| gan | 0.01 |") && !text.contains("| wgan-gp |"),
        text);
    assertTrue(text.contains("2 rows (4 runs) left out."), text);
  }

  @Test
  void theTableCommandAndADocsMarkerChooseTheSameRows() throws Exception {
    CliRunner.Outcome table = CliRunner.run("experiment", "table", dir.toString(), "--group-by", "objective,lr",
        "--metrics", "toy,fid", "--best-of", "objective", "--best-by", "fid");
    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().contains("| gan | 0.001 | 6 +- 1.414 | 32 +- 2.828 |\n"), table.out());
    assertTrue(!table.out().contains("| gan | 0.01 |"), table.out());

    String marker = "<!-- jgan table: " + dir.getFileName()
        + " --group-by objective,lr --metrics toy,fid --best-of objective --best-by fid -->\n";
    String doc = ReproductionDocs.regenerate(marker + "<!-- end jgan table -->\n", dir.getParent());
    assertTrue(doc.contains(table.out()), "the marker regenerates what the command prints:\n" + doc);

    CliRunner.Outcome alone = CliRunner.run("experiment", "table", dir.toString(), "--best-by", "fid");
    assertEquals(2, alone.exitCode());
    assertTrue(alone.err().contains("--best-by chooses rows for --best-of, which is not given"), alone.err());
    IllegalArgumentException markerAlone = assertThrows(IllegalArgumentException.class, () -> ReproductionDocs.regenerate(
        "<!-- jgan table: " + dir.getFileName() + " --best-by fid -->\n<!-- end jgan table -->\n", dir.getParent()));
    assertEquals("--best-by chooses rows for --best-of, which is not given", markerAlone.getMessage());
  }

  @Test
  void aKeyThatIsNotARowSettingAndAMissingCriterionAreRefused() throws Exception {
    ExperimentTable table = ExperimentTable.read(dir);
    IllegalArgumentException notARow = assertThrows(IllegalArgumentException.class,
        () -> table.bestOf(List.of("objective"), List.of("lr"), COLUMNS, null));
    assertTrue(notARow.getMessage().startsWith("--best-of: 'lr' is not one of the rows' settings [objective]"),
        notARow.getMessage());
    IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class,
        () -> table.bestOf(ROWS, List.of("objective"), COLUMNS, "parzen"));
    assertEquals("--best-of: no row has a value of parzen.mean_log_likelihood to choose by", nothing.getMessage());
  }
}
