package org.jgan.tools.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The loss figure: one panel per loss on its own scale, the quality probe below, NaN points skipped and counted. */
class LossFigureTest {
  @TempDir
  Path dir;

  /** A WGAN-like log: critic loss about -0.2, generator loss about 13, a probe every other line, one NaN critic loss. */
  private RunLog wganLog() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int step = 10; step <= 100; step += 10) {
      String critic = step == 50 ? "NaN" : Double.toString(-0.2 - step / 1000.0);
      String quality = step % 20 == 0 ? ", \"quality/parzen\": " + (-300 + step) : "";
      lines.add("{\"step\": " + step + ", \"critic/loss\": " + critic + ", \"generator/loss\": " + (13 + step / 100.0)
          + ", \"critic/gradient_penalty\": 0.5" + quality + "}");
    }
    Path log = dir.resolve("log.jsonl");
    Files.write(log, lines);
    return RunLog.read(log);
  }

  @Test
  void eachLossHasItsOwnPanelAndScaleAboveTheQualityProbe() throws Exception {
    Figure figure = LossFigure.of(wganLog(), "run", "wgan");
    assertEquals(List.of("critic/loss", "generator/loss", "quality/parzen (quality probe)"),
        figure.panels().stream().map(Panel::title).toList(), "losses first, the probe last; other scalars left out");
    Plot critic = (Plot) figure.panel("critic/loss");
    Plot generator = (Plot) figure.panel("generator/loss");
    Plot quality = (Plot) figure.panel("quality/parzen (quality probe)");
    // The critic's axis spans its own values, not the generator's 13: the old single axis flattened it.
    assertTrue(critic.y().min() < -0.3 && critic.y().max() > -0.21 && critic.y().max() < 0, critic.y().toString());
    assertTrue(generator.y().min() > 12 && generator.y().max() < 15, generator.y().toString());
    assertEquals("critic/loss", critic.y().title());
    for (Plot p : List.of(critic, generator, quality)) {
      assertEquals(new Axis("generator iteration", 0, 100, false), p.x(), "one step axis shared by every panel, from 0");
    }
    assertArrayEquals(new double[] {20, 40, 60, 80, 100}, quality.series("quality/parzen").x());
    assertEquals(Palette.of("wgan"), critic.series("critic/loss").colour(), "the objective's colour");
  }

  @Test
  void nanPointsAreSkippedAndTheCaptionSaysHowMany() throws Exception {
    Figure figure = LossFigure.of(wganLog(), "run", "wgan");
    Series critic = ((Plot) figure.panel("critic/loss")).series("critic/loss");
    assertEquals(9, critic.x().length, "10 logged, 1 NaN");
    assertFalse(java.util.Arrays.stream(critic.x()).anyMatch(x -> x == 50), "the NaN step is not drawn");
    assertEquals(List.of("critic/loss: 1 of 10 logged values are NaN or infinite, not drawn"), figure.notes());
    BufferedImage image = FigureWriter.image(figure);
    assertEquals(Figure.WIDTH, image.getWidth());
    assertTrue(image.getHeight() > 3 * Figure.HEIGHT, "three panels and the note");
    Document svg = Svg.parse(FigureWriter.vector(figure, FigureFormat.SVG));
    assertTrue(Svg.text(svg, "desc").contains("1 of 10 logged values are NaN"), Svg.text(svg, "desc"));
  }

  @Test
  void aLossSpanningDecadesIsDrawnOnALogAxis() throws Exception {
    Files.write(dir.resolve("log.jsonl"), List.of("{\"step\": 1, \"generator/loss\": 500.0}",
        "{\"step\": 2, \"generator/loss\": 3.0}", "{\"step\": 3, \"generator/loss\": 0.2}",
        "{\"step\": 4, \"generator/loss\": null}"));
    Figure figure = LossFigure.of(RunLog.read(dir.resolve("log.jsonl")), "run", "gan");
    Plot plot = (Plot) figure.panel("generator/loss");
    assertTrue(plot.y().log(), "0.2 to 500 spans more than two decades");
    assertEquals(0.2, plot.y().min(), 1e-12);
    assertEquals(500, plot.y().max(), 1e-12);
    assertEquals(1, figure.notes().size(), "a null value counts as not finite: " + figure.notes());
    FigureWriter.image(figure); // XChart refuses non-positive values on a log axis; these are all positive
  }

  @Test
  void aRunWithNoFiniteLossStillGetsAFigure() throws Exception {
    Files.write(dir.resolve("log.jsonl"), List.of("{\"step\": 1, \"critic/loss\": NaN}"));
    Figure figure = LossFigure.of(RunLog.read(dir.resolve("log.jsonl")), "run", "wgan");
    assertTrue(figure.panels().isEmpty());
    assertEquals(List.of("no finite loss logged"), figure.notes());
    assertTrue(FigureWriter.image(figure).getHeight() > 0);
  }
}
