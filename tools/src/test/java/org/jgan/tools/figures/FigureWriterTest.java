package org.jgan.tools.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Writing a figure: PNG always, a vector copy beside it on request, nothing half-written. */
class FigureWriterTest {
  @TempDir
  Path dir;

  private static Figure figure() {
    Plot plot = new Plot("losses", new Axis("generator iteration", 0, 10, false), new Axis("critic/loss", -1, 1, false),
        List.of(Series.of("critic/loss", Palette.of("wgan"), new double[] {0, 5, 10}, new double[] {-1, 0, 1},
            Series.Style.LINE)));
    Bars bars = new Bars("gan (n=3)", "inception-score.mean", List.of("[1, 2)", "[2, 3]"), new double[] {1, 2},
        new Axis("runs", 0, 2, false), Palette.of("gan"));
    BufferedImage pixels = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    return new Figure("a & b <figure>", 2, 400, 300, List.of(plot, bars, new Picture("grid", pixels)),
        List.of("1 point not drawn"));
  }

  @Test
  void svgParsesAndNamesEveryPanelAndAxis() throws Exception {
    Path png = dir.resolve("out").resolve("fig.png");
    List<Path> written = FigureWriter.write(figure(), png, FigureFormat.SVG);
    Path svg = dir.resolve("out").resolve("fig.svg");
    assertEquals(List.of(png, svg), written);
    Document document = Svg.parse(Files.readAllBytes(svg));
    assertEquals("svg", document.getDocumentElement().getLocalName());
    assertEquals("a & b <figure>", Svg.text(document, "title"), "the title is escaped, and parses back");
    String desc = Svg.text(document, "desc");
    assertTrue(desc.contains("x axis 'generator iteration'") && desc.contains("y axis 'critic/loss'"), desc);
    assertTrue(desc.contains("x axis 'inception-score.mean', y axis 'runs'"), desc);
    assertTrue(desc.contains("1 point not drawn"), desc);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(800, image.getWidth(), "two columns of 400");
    try (Stream<Path> files = Files.list(png.getParent())) {
      assertEquals(2, files.count(), "no temporary file is left beside the figures");
    }
  }

  @Test
  void pdfIsAPdfAndPngAloneWritesOneFile() throws Exception {
    Path png = dir.resolve("fig.png");
    FigureWriter.write(figure(), png, FigureFormat.PDF);
    byte[] pdf = Files.readAllBytes(dir.resolve("fig.pdf"));
    assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF header");
    Path only = dir.resolve("only.png");
    assertEquals(List.of(only), FigureWriter.write(figure(), only, FigureFormat.PNG));
    assertTrue(Files.notExists(dir.resolve("only.svg")) && Files.notExists(dir.resolve("only.pdf")));
  }

  @Test
  void aBandAndMarkersDrawInTheirColours() throws Exception {
    Color band = new Color(0, 200, 0);
    Plot plot = new Plot("bands", new Axis("x", 0, 2, false), new Axis("y", 0, 2, false), List.of(
        new Series("band", band, new double[] {0, 2, 2, 0}, new double[] {2, 2, 0, 0}, Series.Style.BAND, false)));
    BufferedImage image = FigureWriter.image(new Figure("f", 1, 400, 300, List.of(plot), List.of()));
    int green = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        green += (image.getRGB(x, y) & 0xFFFFFF) == 0x00C800 ? 1 : 0;
      }
    }
    assertTrue(green > 10_000, "the band fills the plot area: " + green + " pixels");
  }

  @Test
  void badFormatAndBadAxesAreNamed() {
    IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
        () -> FigureFormat.parse("eps", "--figure-format"));
    assertEquals("--figure-format must be png, svg or pdf, got 'eps'", format.getMessage());
    assertEquals(FigureFormat.SVG, FigureFormat.parse("SVG", "--figure-format"));
    assertThrows(IllegalArgumentException.class, () -> new Axis("loss", -1, 1, true), "no log axis through zero");
    assertThrows(IllegalArgumentException.class, () -> Series.of("s", Color.BLACK, new double[] {Double.NaN},
        new double[] {1}, Series.Style.LINE), "builders must skip NaN points before they reach a series");
  }
}
