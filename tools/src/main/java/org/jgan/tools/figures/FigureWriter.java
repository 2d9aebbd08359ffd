package org.jgan.tools.figures;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Figure} with XChart, onto a PNG image or, through VectorGraphics2D, an SVG or
 * PDF page. Every file is written to a temporary file and moved into place, so a failed run never
 * leaves a half-written figure.
 */
public final class FigureWriter {
  private static final int TITLE_HEIGHT = 30;
  private static final int NOTE_HEIGHT = 16;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private FigureWriter() {}

  /**
   * Writes {@code figure} to {@code png} and, for {@link FigureFormat#SVG} or {@link
   * FigureFormat#PDF}, a vector copy beside it; returns the files written.
   */
  public static List<Path> write(Figure figure, Path png, FigureFormat format) throws IOException {
    Path parent = png.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    List<Path> written = new ArrayList<>();
    atomically(png, out -> ImageIO.write(image(figure), "png", out));
    written.add(png);
    if (format != FigureFormat.PNG) {
      Path vector = sibling(png, format.extension());
      atomically(vector, out -> out.write(vector(figure, format)));
      written.add(vector);
    }
    return written;
  }

  /** {@code file} with its extension replaced by {@code extension}. */
  public static Path sibling(Path file, String extension) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "." + extension);
  }

  /** The figure as a picture. */
  public static BufferedImage image(Figure figure) {
    BufferedImage image = new BufferedImage(width(figure), height(figure), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(figure, g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * The figure as an SVG or PDF document. XChart draws its text as outlines, so an SVG also gets a
   * {@code <title>} and a {@code <desc>} naming every panel and its axes, for search and screen
   * readers.
   */
  public static byte[] vector(Figure figure, FigureFormat format) throws IOException {
    if (format == FigureFormat.PNG) {
      throw new IllegalArgumentException("PNG is not a vector format");
    }
    VectorGraphics2D g = new VectorGraphics2D();
    draw(figure, g);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Processors.get(format.extension()).getDocument(g.getCommands(), new PageSize(0, 0, width(figure), height(figure)))
        .writeTo(bytes);
    if (format == FigureFormat.PDF) {
      return bytes.toByteArray();
    }
    String svg = bytes.toString(StandardCharsets.UTF_8);
    int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
    String meta = "\n  <title>" + xml(figure.title()) + "</title>\n  <desc>" + xml(description(figure)) + "</desc>";
    return (svg.substring(0, open) + meta + svg.substring(open)).getBytes(StandardCharsets.UTF_8);
  }

  /** One line per panel: its title and its axes' titles; then the notes. */
  static String description(Figure figure) {
    StringBuilder out = new StringBuilder();
    for (Panel panel : figure.panels()) {
      if (panel instanceof Plot p) {
        out.append("panel '").append(p.title()).append("': x axis '").append(p.x().title()).append(p.x().log() ? "' (log)" : "'")
            .append(", y axis '").append(p.y().title()).append(p.y().log() ? "' (log)" : "'").append("; series ")
            .append(String.join(", ", p.series().stream().filter(Series::inLegend).map(Series::name).toList()));
      } else if (panel instanceof Bars b) {
        out.append("panel '").append(b.title()).append("': x axis '").append(b.xTitle()).append("', y axis '")
            .append(b.y().title()).append("'");
      } else {
        out.append("picture '").append(panel.title()).append("'");
      }
      out.append(". ");
    }
    for (String note : figure.notes()) {
      out.append(note).append(". ");
    }
    return out.toString().trim();
  }

  private static int width(Figure figure) {
    return figure.columns() * figure.panelWidth();
  }

  private static int height(Figure figure) {
    return TITLE_HEIGHT + figure.rows() * figure.panelHeight() + figure.notes().size() * NOTE_HEIGHT + 6;
  }

  private static void draw(Figure figure, Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(figure), height(figure));
    g.setColor(Color.BLACK);
    g.setFont(TITLE);
    g.drawString(figure.title(), 10, 20);
    int w = figure.panelWidth();
    int h = figure.panelHeight();
    for (int i = 0; i < figure.panels().size(); i++) {
      int x = (i % figure.columns()) * w;
      int y = TITLE_HEIGHT + (i / figure.columns()) * h;
      Graphics2D panel = (Graphics2D) g.create(x, y, w, h);
      try {
        Panel p = figure.panels().get(i);
        if (p instanceof Picture picture) {
          drawPicture(picture, panel, w, h);
        } else if (p instanceof Plot plot && plot.series().isEmpty()) {
          panel.setColor(Color.GRAY);
          panel.setFont(NOTE);
          panel.drawString(plot.title() + ": nothing to draw", 10, h / 2);
        } else {
          XChartPanels.chart(p, w, h).paint(panel, w, h);
        }
      } finally {
        panel.dispose();
      }
    }
    g.setColor(Color.DARK_GRAY);
    g.setFont(NOTE);
    int y = TITLE_HEIGHT + figure.rows() * h;
    for (String note : figure.notes()) {
      y += NOTE_HEIGHT;
      g.drawString(note, 10, y - 4);
    }
  }

  private static void drawPicture(Picture picture, Graphics2D g, int w, int h) {
    int caption = 22;
    g.setColor(Color.BLACK);
    g.setFont(NOTE);
    g.drawString(picture.title(), 6, 15);
    BufferedImage image = picture.image();
    double scale = Math.min((w - 8.0) / image.getWidth(), (h - caption - 4.0) / image.getHeight());
    if (scale >= 1) {
      // Whole pixels, enlarged without smoothing: crisp samples and a PNG that stays small.
      scale = Math.floor(scale);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }
    int iw = (int) Math.round(image.getWidth() * scale);
    int ih = (int) Math.round(image.getHeight() * scale);
    g.drawImage(image, (w - iw) / 2, caption, iw, ih, null);
  }

  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  private static void atomically(Path file, Writing writing) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".figure", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writing.to(out);
      }
      readableByAll(temp);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A temporary file is private to its owner; a figure is for everyone who can read the folder. */
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
