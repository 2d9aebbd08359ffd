package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgan.eval.metric.DataKind;
import org.jgan.eval.metric.EvaluationContext;
import org.jgan.eval.metric.Headline;
import org.jgan.eval.metric.Metric;
import org.jgan.eval.metric.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table rendering against fixed result files (golden Markdown, LaTeX and CSV). */
class ExperimentTableTest {
  @TempDir
  Path dir;

  /** A result file as the runner writes it, with the numbers the table must aggregate. */
  private void result(int order, String objective, long seed, double modes, double parzen, double parzenSe)
      throws Exception {
    String cell = "objective-" + objective + "_seed-" + seed;
    Path folder = Files.createDirectories(dir.resolve(cell));
    Files.writeString(folder.resolve("result.json"), """
        {"experiment": "golden", "cell": "%s", "order": %d,
         "settings": {"objective": "%s", "seed": %d},
         "eval": {"metrics": {
           "toy": {"modes_covered": %s, "protocol": "nearest mode"},
           "parzen": {"mean_log_likelihood": %s, "standard_error": %s, "protocol": "Gaussian windows"}}}}
        """.formatted(cell, order, objective, seed, modes, parzen, parzenSe));
  }

  @BeforeEach
  void fixtures() throws Exception {
    // wgan-gp: modes 8 and 6 -> 7 +- std 1.414; parzen 200 and 210 -> 205 +- std 7.071, then (+- mean own SE (2 + 4) / 2 = 3).
    result(0, "wgan-gp", 1, 8, 200, 2);
    result(1, "wgan-gp", 2, 6, 210, 4);
    // gan: modes 3 and 4 -> 3.5 +- 0.7071; parzen 150 and 160 -> 155 +- 7.071 (+- 1).
    result(2, "gan", 1, 3, 150, 1);
    result(3, "gan", 2, 4, 160, 1);
    Files.createDirectories(dir.resolve("incomplete-cell"));
  }

  private String render(String format) throws Exception {
    ExperimentTable table = ExperimentTable.read(dir);
    return table.render(table.varyingSettings(), List.of(ExperimentTable.column("toy"), ExperimentTable.column("parzen")),
        format);
  }

  private static final String FOOTER = "Experiment golden: 4 runs, seeds [1, 2]; cells are mean +- std over seeds"
      + " (in brackets, +- the metric's own standard error where it has one; with one seed, that error alone);"
      + " best per column marked.";

  @Test
  void markdown() throws Exception {
    assertEquals("""
        | objective | toy.modes_covered (higher better) | parzen.mean_log_likelihood (higher better) |
        |---|---|---|
        | wgan-gp | **7 +- 1.414** | **205 +- 7.071 (+- 3)** |
        | gan | 3.5 +- 0.7071 | 155 +- 7.071 (+- 1) |

        %s \s
        toy: nearest mode \s
        parzen: Gaussian windows \s
        """.formatted(FOOTER), render("markdown"));
  }

  @Test
  void latex() throws Exception {
    assertEquals("""
        \\begin{tabular}{lll}
        \\hline
        objective & toy.modes\\_covered (higher better) & parzen.mean\\_log\\_likelihood (higher better) \\\\
        \\hline
        wgan-gp & \\textbf{7 $\\pm$ 1.414} & \\textbf{205 $\\pm$ 7.071 ($\\pm$ 3)} \\\\
        gan & 3.5 $\\pm$ 0.7071 & 155 $\\pm$ 7.071 ($\\pm$ 1) \\\\
        \\hline
        \\end{tabular}

        %% %s
        %% toy: nearest mode
        %% parzen: Gaussian windows
        """.formatted(FOOTER), render("latex"));
  }

  @Test
  void csv() throws Exception {
    assertEquals("""
        objective,toy.modes_covered (higher better),parzen.mean_log_likelihood (higher better)
        wgan-gp,7 +- 1.414 *,205 +- 7.071 (+- 3) *
        gan,3.5 +- 0.7071,155 +- 7.071 (+- 1)

        # %s
        # toy: nearest mode
        # parzen: Gaussian windows
        """.formatted(FOOTER), render("csv"));
  }

  @Test
  void groupingBySeedGivesOneRowPerSeedAndLowerIsBetterForDistances() throws Exception {
    ExperimentTable table = ExperimentTable.read(dir);
    String text = table.render(List.of("seed"), List.of(ExperimentTable.column("toy")), "csv");
    // seed 1: modes 8 and 3 -> 5.5 +- 3.536; seed 2: 6 and 4 -> 5 +- 1.414.
    assertTrue(text.startsWith("seed,toy.modes_covered (higher better)\n1,5.5 +- 3.536 *\n2,5 +- 1.414\n"), text);
    assertTrue(text.contains("cells are mean +- std over the runs in each row, which pools every value of objective"
        + " (in brackets"), "a row that pools a setting says so: " + text);
    assertEquals(false, ExperimentTable.column("fid").higherIsBetter());
    assertEquals(render("markdown"), render("markdown"), "deterministic");
  }

  /** A diverged run has no numbers: its row's mean is over the others, and the row says which diverged, and where. */
  @Test
  void aRowWithADivergedRunAveragesTheOthersAndSaysWhereItDiverged() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("objective-gan_seed-3"));
    Files.writeString(folder.resolve("result.json"), """
        {"experiment": "golden", "cell": "objective-gan_seed-3", "order": 4,
         "settings": {"objective": "gan", "seed": 3},
         "diverged": {"step": 1234, "phase": "discriminator", "quantity": "loss", "message": "training diverged at step 1234"},
         "eval": {"metrics": {}}}
        """);
    String text = render("csv");
    // gan's numbers stay those of seeds 1 and 2 (3.5 +- 0.7071; 155 +- 7.071 (+- 1)); wgan-gp has 2 runs to gan's 3.
    assertTrue(text.startsWith("""
        objective,toy.modes_covered (higher better),parzen.mean_log_likelihood (higher better)
        wgan-gp,7 +- 1.414 * [2 runs],205 +- 7.071 (+- 3) * [2 runs]
        gan,3.5 +- 0.7071 [2 of 3 runs; 1 diverged at step 1234],155 +- 7.071 (+- 1) [2 of 3 runs; 1 diverged at step 1234]
        """), text);
    assertTrue(text.contains("Experiment golden: 5 runs (1 diverged: a row's runs that diverged have no metrics, and its"
        + " cells say where they stopped), seeds [1, 2, 3]"), text);
    String bySeed = ExperimentTable.read(dir).render(List.of("seed"), List.of(ExperimentTable.column("toy")), "csv");
    assertTrue(bySeed.contains("\n3,diverged at step 1234\n"), bySeed);
  }

  /** One part of a grid with a setting the first run lacks (EBGAN's pt-weight beside GAN's cells). */
  @Test
  void aSettingOnlyLaterRunsHaveIsARowAndEmptyForTheOthers() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("ebgan").resolve("objective-ebgan_pt-weight-0.1_seed-1"));
    Files.writeString(folder.resolve("result.json"), """
        {"experiment": "golden", "cell": "objective-ebgan_pt-weight-0.1_seed-1", "order": 4,
         "settings": {"objective": "ebgan", "pt-weight": 0.1, "seed": 1},
         "eval": {"metrics": {"toy": {"modes_covered": 5, "protocol": "nearest mode"}}}}
        """);
    for (String cell : List.of("objective-gan_seed-1", "objective-gan_seed-2")) {
      Files.createDirectories(dir.resolve("ebgan").resolve(cell));
      Files.copy(dir.resolve(cell).resolve("result.json"), dir.resolve("ebgan").resolve(cell).resolve("result.json"));
    }
    ExperimentTable table = ExperimentTable.read(dir.resolve("ebgan"));
    assertEquals(List.of("objective", "pt-weight"), table.varyingSettings());
    String text = table.render(List.of("objective", "pt-weight"), List.of(ExperimentTable.column("toy")), "csv");
    assertTrue(text.startsWith("objective,pt-weight,toy.modes_covered (higher better)\ngan,,3.5 +- 0.7071\n"
        + "ebgan,0.1,5 * [1 run]\n"), "a row with fewer runs than the others says how many: " + text);
  }

  /** A rate the runner records as Java writes doubles (2.0E-4) reads as the experiment file wrote it. */
  @Test
  void numericSettingsReadAsPlainDecimals() throws Exception {
    for (String lr : List.of("2.0E-4", "1.0E-4", "0.0005")) {
      String cell = "objective-gan_lr-" + lr + "_seed-1";
      Path folder = Files.createDirectories(dir.resolve("sweep").resolve(cell));
      Files.writeString(folder.resolve("result.json"), """
          {"experiment": "sweep", "cell": "%s", "order": 0,
           "settings": {"objective": "gan", "lr": %s, "steps": 20000, "seed": 1},
           "eval": {"metrics": {"toy": {"modes_covered": 5, "protocol": "nearest mode"}}}}
          """.formatted(cell, lr));
    }
    ExperimentTable table = ExperimentTable.read(dir.resolve("sweep"));
    String text = table.render(List.of("lr", "steps"), List.of(ExperimentTable.column("toy")), "csv");
    assertTrue(text.contains("\n0.0002,20000,5"), text);
    assertTrue(text.contains("\n0.0001,20000,5"), text);
    assertTrue(text.contains("\n0.0005,20000,5"), text);
    assertEquals("0.0002", ExperimentTable.setting(JsonParser.parseString("{\"settings\": {\"lr\": 2.0E-4}}")
        .getAsJsonObject(), "lr"));
  }

  @Test
  void numbersKeepFourSignificantDigitsAndTinyOnesAPowerOfTen() {
    assertEquals("205", ExperimentTable.Stat.round(205.0004));
    assertEquals("7.071", ExperimentTable.Stat.round(7.0710678));
    assertEquals("0.0001244", ExperimentTable.Stat.round(1.2441e-4));
    assertEquals("9.709e-14", ExperimentTable.Stat.round(9.70912e-14));
    assertEquals("-3e-7", ExperimentTable.Stat.round(-3.0e-7));
    assertEquals("1.235e-5", ExperimentTable.Stat.round(1.23456e-5));
    assertEquals("1235000", ExperimentTable.Stat.round(1234567));
  }

  @Test
  void badRequestsAreNamed() throws Exception {
    ExperimentTable table = ExperimentTable.read(dir);
    IllegalArgumentException groupBy = assertThrows(IllegalArgumentException.class,
        () -> table.render(List.of("dataset"), List.of(ExperimentTable.column("toy")), "markdown"));
    assertTrue(groupBy.getMessage().contains("'dataset'"), groupBy.getMessage());
    IllegalArgumentException metric = assertThrows(IllegalArgumentException.class, () -> ExperimentTable.column("fidd"));
    assertTrue(metric.getMessage().contains("fidd"), metric.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> ExperimentTable.read(dir.resolve("incomplete-cell")));
    assertTrue(empty.getMessage().contains("no complete cells"), empty.getMessage());
  }

  @Test
  void aRegisteredMetricGetsItsDefaultColumnAndDirectionFromTheRegistry() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("objective-gan_seed-3"));
    Files.writeString(folder.resolve("result.json"), """
        {"experiment": "golden", "cell": "objective-gan_seed-3", "order": 4,
         "settings": {"objective": "gan", "seed": 3},
         "eval": {"metrics": {"x-spread": {"range": 1.5, "protocol": "max - min"}}}}
        """);
    assertThrows(IllegalArgumentException.class, () -> ExperimentTable.column("x-spread"));
    Metric spread = new Metric() {
      @Override
      public String name() {
        return "x-spread";
      }

      @Override
      public Set<DataKind> dataKinds() {
        return Set.of(DataKind.MIXTURE);
      }

      @Override
      public List<Headline> headlines() {
        return List.of(Headline.lowerIsBetter("range"));
      }

      @Override
      public Map<String, Object> evaluate(EvaluationContext context) {
        return Map.of();
      }
    };
    try (Metrics.Registration registered = Metrics.register(spread)) {
      ExperimentTable.Column column = new ExperimentTable.Column("x-spread.range", false, null);
      assertEquals(column, ExperimentTable.column("x-spread"));
      assertEquals(List.of(ExperimentTable.column("toy"), ExperimentTable.column("toy.high_quality_share"),
          ExperimentTable.column("parzen"), column), ExperimentTable.read(dir).defaultColumns());
    }
  }
}
