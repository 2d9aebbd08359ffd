package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jgan.tools.figures.Axis;
import org.jgan.tools.figures.Bars;
import org.jgan.tools.figures.Figure;
import org.jgan.tools.figures.Palette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.experiment.ExperimentFigures;
import org.jgan.tools.experiment.ExperimentTable;
import org.jgan.tools.evaluation.Histograms;
import org.jgan.tools.figures.Svg;

/** The EBGAN-style histogram of a metric over an experiment's runs: bins by hand, and the command end to end. */
class ExperimentHistogramTest {
  @TempDir
  Path dir;

  @Test
  void sharedBinsAndCountsMatchAHandCount() {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    values.put("gan", List.of(1.0, 2.0, 2.0, 9.0));
    values.put("ebgan", List.of(3.0, 5.0, 10.0));
    Histograms h = Histograms.of(values, 3);
    // [1, 10] in 3 bins: edges 1, 4, 7, 10; 10 (the maximum) falls in the last bin.
    assertArrayEquals(new double[] {1, 4, 7, 10}, h.edges(), 1e-12);
    assertArrayEquals(new int[] {3, 0, 1}, h.counts().get("gan"));
    assertArrayEquals(new int[] {1, 1, 1}, h.counts().get("ebgan"));
    assertEquals(List.of("gan", "ebgan"), List.copyOf(h.counts().keySet()), "groups keep their order");
    assertEquals(3, h.tallest());
    assertEquals("""
        t
        gan (n=4): [1, 4) 3 (75%) | [4, 7) 0 (0%) | [7, 10] 1 (25%)
        ebgan (n=3): [1, 4) 1 (33%) | [4, 7) 1 (33%) | [7, 10] 1 (33%)
        """, h.text("t"));
  }

  @Test
  void equalValuesAndBadBinCounts() {
    Histograms same = Histograms.of(Map.of("gan", List.of(2.0, 2.0)), 2);
    assertArrayEquals(new double[] {1.5, 2, 2.5}, same.edges(), 1e-12);
    assertArrayEquals(new int[] {0, 2}, same.counts().get("gan"), "a value on an inner edge opens the upper bin");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Histograms.of(Map.of("gan", List.of(1.0)), 0));
    assertTrue(e.getMessage().contains("--bins"), e.getMessage());
  }

  private void result(int order, String objective, int depth, double score) throws Exception {
    String cell = "objective-" + objective + "_depth-" + depth;
    Path folder = Files.createDirectories(dir.resolve(cell));
    Files.writeString(folder.resolve("result.json"), """
        {"experiment": "grid", "cell": "%s", "order": %d,
         "settings": {"objective": "%s", "depth": %d, "seed": 1},
         "eval": {"metrics": {"inception-score": {"mean": %s, "protocol": "classifier"}}}}
        """.formatted(cell, order, objective, depth, score));
  }

  @Test
  void tableCommandWritesTheFigureAndPrintsTheCounts() throws Exception {
    result(0, "gan-ns", 2, 2.0);
    result(1, "gan-ns", 3, 8.0);
    result(2, "gan-ns", 4, 3.0);
    result(3, "ebgan", 2, 6.0);
    result(4, "ebgan", 3, 7.0);
    Path png = dir.resolve("figures").resolve("histogram.png");
    CliRunner.Outcome outcome = CliRunner.run("experiment", "table", dir.toString(), "--histogram", png.toString(),
        "--bins", "3", "--figure-format", "svg");
    assertEquals(0, outcome.exitCode(), outcome.err());
    // [2, 8] in 3 bins: [2, 4) [4, 6) [6, 8].
    assertTrue(outcome.out().contains("objective=gan-ns (n=3): [2, 4) 2 (67%) | [4, 6) 0 (0%) | [6, 8] 1 (33%)"), outcome.out());
    assertTrue(outcome.out().contains("objective=ebgan (n=2): [2, 4) 0 (0%) | [4, 6) 0 (0%) | [6, 8] 2 (100%)"), outcome.out());
    assertTrue(outcome.out().contains("| gan-ns | 2 |"), "the table is printed as before: " + outcome.out());
    assertTrue(ImageIO.read(png.toFile()).getWidth() > 0);
    String desc = Svg.desc(dir.resolve("figures").resolve("histogram.svg"));
    assertTrue(desc.contains("panel 'objective=gan-ns (n=3)': x axis 'inception-score.mean', y axis '% of runs'"), desc);
    assertTrue(desc.contains("panel 'objective=ebgan (n=2)'"), desc);
    try (var left = Files.list(png.getParent())) {
      assertEquals(2, left.count(), "the PNG and the SVG, no temporary file beside them");
    }

    ExperimentTable table = ExperimentTable.read(dir);
    Figure figure = new ExperimentFigures(dir, table, List.of("objective", "depth"))
        .histogram(ExperimentTable.column("inception-score"), "objective", 3);
    assertEquals(2, figure.panels().size(), "one panel per objective");
    Bars gan = (Bars) figure.panels().get(0);
    Bars ebgan = (Bars) figure.panels().get(1);
    assertEquals(List.of("[2, 4)", "[4, 6)", "[6, 8]"), gan.bins());
    assertEquals(gan.bins(), ebgan.bins(), "shared bins");
    // The paper's "portion of the models": gan-ns 2, 0, 1 of 3 runs; ebgan 0, 0, 2 of 2.
    assertArrayEquals(new double[] {200.0 / 3, 0, 100.0 / 3}, gan.heights(), 1e-9);
    assertArrayEquals(new double[] {0, 0, 100}, ebgan.heights(), 1e-9);
    assertEquals(new Axis("% of runs", 0, 100, false), gan.y(), "one share axis, up to the tallest bar of any panel");
    assertEquals(gan.y(), ebgan.y());
    assertEquals(Palette.of("gan-ns"), gan.colour(), "each objective in its own colour");
    assertEquals(Palette.of("ebgan"), ebgan.colour());

    CliRunner.Outcome byDepth = CliRunner.run("experiment", "table", dir.toString(), "--histogram", png.toString(),
        "--histogram-by", "depth", "--histogram-metric", "inception-score.mean");
    assertEquals(0, byDepth.exitCode(), byDepth.err());
    assertTrue(byDepth.out().contains("depth=4 (n=1)"), byDepth.out());
  }

  /** The paper's like-for-like Figure 2: GAN, EBGAN and EBGAN-PT apart, though GAN's runs have no pt-weight. */
  @Test
  void severalSettingsGiveAHistogramPerCombinationARunHas() throws Exception {
    result(0, "gan-ns", 2, 2.0);
    result(1, "gan-ns", 3, 8.0);
    for (int i = 0; i < 3; i++) {
      String cell = "objective-ebgan_pt-" + i;
      Path folder = Files.createDirectories(dir.resolve(cell));
      Files.writeString(folder.resolve("result.json"), """
          {"experiment": "grid", "cell": "%s", "order": %d,
           "settings": {"objective": "ebgan", "depth": 2, "pt-weight": %s, "seed": 1},
           "eval": {"metrics": {"inception-score": {"mean": %s, "protocol": "classifier"}}}}
          """.formatted(cell, 2 + i, i == 0 ? "0" : "0.1", 4.0 + i));
    }
    ExperimentTable table = ExperimentTable.read(dir);
    Map<String, List<Double>> groups = table.valuesBy(ExperimentTable.column("inception-score"), "objective,pt-weight");
    assertEquals(Map.of("objective=gan-ns", List.of(2.0, 8.0), "objective=ebgan, pt-weight=0", List.of(4.0),
        "objective=ebgan, pt-weight=0.1", List.of(5.0, 6.0)), groups);
    assertEquals(List.of("objective=gan-ns", "objective=ebgan, pt-weight=0", "objective=ebgan, pt-weight=0.1"),
        List.copyOf(groups.keySet()), "first-appearance order");
    Figure figure = new ExperimentFigures(dir, table, List.of("objective"))
        .histogram(ExperimentTable.column("inception-score"), "objective,pt-weight", 2);
    assertEquals(Palette.of("ebgan"), ((Bars) figure.panels().get(2)).colour(), "EBGAN-PT in EBGAN's colour");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> table.valuesBy(ExperimentTable.column("inception-score"), "objective,pt-wieght"));
    assertTrue(unknown.getMessage().contains("'pt-wieght'"), unknown.getMessage());
  }

  @Test
  void unknownSettingOrMetricIsNamed() throws Exception {
    result(0, "gan-ns", 2, 2.0);
    Path png = dir.resolve("h.png");
    CliRunner.Outcome badSetting = CliRunner.run("experiment", "table", dir.toString(), "--histogram", png.toString(),
        "--histogram-by", "widht");
    assertEquals(2, badSetting.exitCode());
    assertTrue(badSetting.err().contains("--histogram-by") && badSetting.err().contains("widht"), badSetting.err());
    CliRunner.Outcome badMetric = CliRunner.run("experiment", "table", dir.toString(), "--histogram", png.toString(),
        "--histogram-metric", "fid.fid");
    assertEquals(2, badMetric.exitCode());
    assertTrue(badMetric.err().contains("fid.fid"), badMetric.err());
    assertEquals("", badMetric.out(), "nothing is printed before the error");
    CliRunner.Outcome unknownMetric = CliRunner.run("experiment", "table", dir.toString(), "--histogram", png.toString(),
        "--histogram-metric", "inceptoin");
    assertEquals(2, unknownMetric.exitCode());
    assertTrue(unknownMetric.err().contains("--histogram-metric") && unknownMetric.err().contains("inceptoin"),
        unknownMetric.err());
    CliRunner.Outcome badBins = CliRunner.run("experiment", "table", dir.toString(), "--histogram", png.toString(),
        "--bins", "0");
    assertEquals(2, badBins.exitCode());
    assertTrue(badBins.err().contains("--bins"), badBins.err());
  }
}
