package org.jgan.tools.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mean +- std over seeds, checked against a hand computation. */
class SeedBandFigureTest {
  @TempDir
  Path dir;

  private RunLog log(String name, String... lines) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, List.of(lines));
    return RunLog.read(file);
  }

  @Test
  void meanAndStdOverSeedsPerStep() throws Exception {
    RunLog seed1 = log("a", "{\"step\": 10, \"critic/loss\": 1.0}", "{\"step\": 20, \"critic/loss\": 2.0}");
    RunLog seed2 = log("b", "{\"step\": 10, \"critic/loss\": 3.0}", "{\"step\": 20, \"critic/loss\": NaN}");
    RunLog seed3 = log("c", "{\"step\": 10, \"critic/loss\": 5.0}", "{\"step\": 20, \"critic/loss\": 4.0}");
    RunLog other = log("d", "{\"step\": 10, \"critic/loss\": -1.0}", "{\"step\": 20, \"critic/loss\": -1.0}");
    List<SeedBandFigure.Group> groups = List.of(new SeedBandFigure.Group("objective=wgan", Palette.of("wgan"), List.of(seed1, seed2, seed3)),
        new SeedBandFigure.Group("objective=gan", Palette.of("gan"), List.of(other)));
    assertEquals(List.of("critic/loss"), SeedBandFigure.loggedScalars(groups));
    Figure figure = SeedBandFigure.of("t", List.of("critic/loss", "generator/loss"), groups);
    assertEquals(1, figure.panels().size(), "a scalar no run logged gets no panel");
    Plot plot = (Plot) figure.panels().get(0);
    Series mean = plot.series("objective=wgan (3 seeds)");
    assertArrayEquals(new double[] {10, 20}, mean.x());
    // step 10: 1, 3, 5 -> mean 3, std 2; step 20: 2, 4 (the NaN left out) -> mean 3, std sqrt(2).
    assertArrayEquals(new double[] {3, 3}, mean.y(), 1e-12);
    Series band = plot.series("objective=wgan +- std");
    assertFalse(band.inLegend());
    assertEquals(Series.Style.BAND, band.style());
    assertArrayEquals(new double[] {10, 20, 20, 10}, band.x());
    assertArrayEquals(new double[] {5, 3 + Math.sqrt(2), 3 - Math.sqrt(2), 1}, band.y(), 1e-12);
    assertArrayEquals(new double[] {-1, -1, -1, -1}, plot.series("objective=gan +- std").y(), 1e-12, "one seed: no spread");
    assertEquals(Palette.of("wgan"), mean.colour());
    assertEquals(-1, plot.y().min() + (5 + 1) / 20.0, 1e-12, "the axis spans every band, with a margin");
    assertEquals(List.of("critic/loss, objective=wgan: 1 NaN or infinite values left out of the mean",
        "generator/loss: not logged by any run"), figure.notes());
    FigureWriter.image(figure);
  }
}
