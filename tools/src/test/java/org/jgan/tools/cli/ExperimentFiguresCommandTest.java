package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgan.tools.figures.Figure;
import org.jgan.tools.figures.Palette;
import org.jgan.tools.figures.Picture;
import org.jgan.tools.figures.Plot;
import org.jgan.tools.figures.Series;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.experiment.ExperimentFigures;
import org.jgan.tools.experiment.ExperimentTable;
import org.jgan.tools.figures.Svg;

/** {@code jgan experiment figures} on a fixed experiment folder (no training: results, logs and sample grids written here). */
class ExperimentFiguresCommandTest {
  @TempDir
  Path dir;

  private void cell(int order, String objective, int seed, double parzen, double chosenSigma) throws Exception {
    String cell = "objective-" + objective + "_seed-" + seed;
    Path run = Files.createDirectories(dir.resolve(cell).resolve("run"));
    Files.writeString(dir.resolve(cell).resolve("result.json"), """
        {"experiment": "fixed", "cell": "%s", "order": %d,
         "settings": {"objective": "%s", "seed": %d},
         "config": {"objective": "%s", "dataset": "mnist", "seed": %d},
         "eval": {"metrics": {"parzen": {"mean_log_likelihood": %s, "standard_error": 1.0, "sigma": %s,
           "sigmas": [0.1, 0.2, 0.5], "validation_means": [-400.0, %s, %s], "protocol": "Gaussian windows"}}}}
        """.formatted(cell, order, objective, seed, objective, seed, parzen, chosenSigma,
        chosenSigma == 0.2 ? parzen : parzen - 50, chosenSigma == 0.5 ? parzen : parzen - 50));
    List<String> log = new ArrayList<>();
    for (int step = 10; step <= 40; step += 10) {
      // Seed 2 of gan diverges at step 30: the figures must still be drawn.
      String critic = objective.equals("gan") && seed == 2 && step >= 30 ? "NaN" : Double.toString(seed * step / 10.0);
      log.add("{\"step\": " + step + ", \"critic/loss\": " + critic + ", \"generator/loss\": 13.0}");
    }
    Files.write(run.resolve("log.jsonl"), log);
    ImageIO.write(new BufferedImage(29, 29, BufferedImage.TYPE_INT_RGB), "png", run.resolve("samples.png").toFile());
  }

  @BeforeEach
  void experiment() throws Exception {
    cell(0, "gan", 1, 100, 0.2);
    cell(1, "gan", 2, 110, 0.2);
    cell(2, "wgan", 1, 150, 0.5);
    cell(3, "wgan", 2, 130, 0.5);
  }

  @Test
  void writesEveryFigureAsPngAndSvg() throws Exception {
    Path out = dir.resolve("figures");
    CliRunner.Outcome outcome = CliRunner.run("experiment", "figures", dir.toString(), "--out", out.toString(),
        "--figure-format", "svg");
    assertEquals(0, outcome.exitCode(), outcome.err());
    for (String name : List.of("samples", "histogram", "parzen-sigma", "seed-bands", "losses/objective-gan_seed-2")) {
      assertTrue(Files.isRegularFile(out.resolve(name + ".png")), name);
      assertTrue(outcome.out().contains("wrote " + out.resolve(name + ".svg")), outcome.out());
    }
    String bands = Svg.desc(out.resolve("seed-bands.svg"));
    assertTrue(bands.contains("panel 'critic/loss, mean +- std over seeds': x axis 'generator iteration', y axis 'critic/loss'"),
        bands);
    assertTrue(bands.contains("objective=gan: 2 NaN or infinite values left out of the mean"), bands);
    String parzen = Svg.desc(out.resolve("parzen-sigma.svg"));
    assertTrue(parzen.contains("x axis 'Parzen sigma' (log), y axis 'mean validation log-likelihood (nats)'"), parzen);
    assertTrue(parzen.contains("objective=wgan, seed 2"), parzen);
    String losses = Svg.desc(out.resolve("losses").resolve("objective-gan_seed-2.svg"));
    assertTrue(losses.contains("critic/loss: 2 of 4 logged values are NaN or infinite, not drawn"), losses);
    String histogram = Svg.desc(out.resolve("histogram.svg"));
    assertTrue(histogram.contains("x axis 'parzen.mean_log_likelihood'"), "the first metric by default: " + histogram);
  }

  @Test
  void theFiguresModelsHoldTheRowsSeedsAndColours() throws Exception {
    ExperimentFigures figures = new ExperimentFigures(dir, ExperimentTable.read(dir), List.of("objective"));
    Figure bands = figures.seedBands(List.of("critic/loss"));
    Plot critic = (Plot) bands.panels().get(0);
    // gan: seed 1 logs 1, 2, 3, 4; seed 2 logs 2, 4 then NaN: the mean at step 30 is seed 1's 3 alone.
    assertArrayEquals(new double[] {1.5, 3, 3, 4}, critic.series("objective=gan (2 seeds)").y(), 1e-12);
    assertArrayEquals(new double[] {1.5, 3, 4.5, 6}, critic.series("objective=wgan (2 seeds)").y(), 1e-12);
    assertEquals(Palette.of("wgan"), critic.series("objective=wgan (2 seeds)").colour());
    Figure samples = figures.samples();
    assertEquals(List.of("objective=gan", "objective=wgan"), samples.panels().stream().map(p -> p.title()).toList());
    assertEquals(29, ((Picture) samples.panels().get(0)).image().getWidth(), "each row's own sample grid");
    Plot sigma = (Plot) figures.parzenSigma().panels().get(0);
    assertArrayEquals(new double[] {0.2, 0.2, 0.5, 0.5}, sigma.series("chosen sigma").x());

    Plot perSeed = (Plot) new ExperimentFigures(dir, ExperimentTable.read(dir), List.of("objective", "seed"))
        .seedBands(List.of("critic/loss")).panels().get(0);
    assertEquals(4, perSeed.series().stream().filter(Series::inLegend).map(Series::colour).distinct().count(),
        "rows the objective does not tell apart get a colour each");
  }

  @Test
  void badRequestsAreNamed() throws Exception {
    Path out = dir.resolve("figures");
    CliRunner.Outcome format = CliRunner.run("experiment", "figures", dir.toString(), "--out", out.toString(),
        "--figure-format", "eps");
    assertEquals(2, format.exitCode());
    assertTrue(format.err().contains("--figure-format") && format.err().contains("eps"), format.err());
    CliRunner.Outcome group = CliRunner.run("experiment", "figures", dir.toString(), "--out", out.toString(),
        "--group-by", "widht");
    assertEquals(2, group.exitCode());
    assertTrue(group.err().contains("widht"), group.err());
    assertTrue(Files.notExists(out), "nothing is written before the error");
  }
}
