package org.jgan.tools.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2-D scatter (samples over the real mixture, modes marked) and the Parzen sigma search. */
class ScatterAndParzenFigureTest {
  @Test
  void scatterHasRealPointsSamplesAndModesOnTheSquare() throws Exception {
    float[] real = {0f, 0f, 1f, 1f};
    float[] samples = {0.5f, -0.5f, 3f, 0f, Float.NaN, 0f};
    List<double[]> modes = List.of(new double[] {1, 0}, new double[] {-1, 0});
    Figure figure = ScatterFigure.of("toy8", real, samples, modes, 2.0, Palette.of("wgan-gp"));
    Plot plot = (Plot) figure.panels().get(0);
    assertEquals(new Axis("x1", -2, 2, false), plot.x());
    assertEquals(new Axis("x2", -2, 2, false), plot.y());
    assertArrayEquals(new double[] {0, 1}, plot.series("real data").x());
    assertArrayEquals(new double[] {0.5}, plot.series("samples").x(), "the point at x = 3 and the NaN are left out");
    assertArrayEquals(new double[] {1, -1}, plot.series("modes").x());
    assertEquals(Series.Style.MARKERS, plot.series("modes").style());
    assertEquals(List.of("toy8, samples: 2 of 3 points outside [-2.0, 2.0]^2 or not finite, not drawn"), figure.notes());
    String desc = FigureWriter.description(figure);
    assertTrue(desc.contains("series real data, samples, modes"), desc);
    FigureWriter.image(figure);
  }

  /** A generator blown far off (weights huge but finite) still gets its picture: real points, modes, and a note. */
  @Test
  void scatterWithEverySampleOffTheSquareDrawsTheRestAndSaysSo() throws Exception {
    float[] real = {0f, 0f, 1f, 1f};
    float[] samples = {8.5e13f, -3.2e14f, Float.POSITIVE_INFINITY, 0f};
    Figure figure = ScatterFigure.of("toy8", real, samples, List.of(new double[] {1, 0}), 2.0, Palette.of("gan"));
    Plot plot = (Plot) figure.panels().get(0);
    assertEquals(List.of("real data", "modes"), plot.series().stream().map(Series::name).toList());
    assertEquals(List.of("toy8, samples: 2 of 2 points outside [-2.0, 2.0]^2 or not finite, not drawn"), figure.notes());
    assertTrue(FigureWriter.image(figure).getWidth() > 0);
  }

  @Test
  void parzenSearchIsOnALogSigmaAxisWithTheChosenSigmaMarked() throws Exception {
    double[] sigmas = {0.1, 0.2, 0.5, 1.0};
    ParzenSigmaFigure.Search gan = new ParzenSigmaFigure.Search("objective=gan, seed 1", Palette.of("gan"), sigmas,
        new double[] {-900, 120, 80, Double.NEGATIVE_INFINITY}, 0.2);
    ParzenSigmaFigure.Search wgan = new ParzenSigmaFigure.Search("objective=wgan, seed 1", Palette.of("wgan"), sigmas,
        new double[] {-500, 100, 140, 30}, 0.5);
    Figure figure = ParzenSigmaFigure.of("parzen", List.of(gan, wgan));
    Plot plot = (Plot) figure.panels().get(0);
    assertTrue(plot.x().log());
    assertEquals(0.1, plot.x().min(), 1e-12);
    assertEquals(1.0, plot.x().max(), 1e-12);
    assertArrayEquals(new double[] {0.1, 0.2, 0.5}, plot.series("objective=gan, seed 1").x(), "the -inf point is skipped");
    Series chosen = plot.series("chosen sigma");
    assertArrayEquals(new double[] {0.2, 0.5}, chosen.x());
    assertArrayEquals(new double[] {120, 140}, chosen.y());
    assertEquals(List.of("objective=gan, seed 1: 1 sigma(s) with no finite likelihood, not drawn"), figure.notes());
    FigureWriter.image(figure);
  }
}
