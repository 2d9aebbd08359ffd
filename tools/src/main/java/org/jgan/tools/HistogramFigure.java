package org.jgan.tools;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A PNG of {@link Histograms}: one panel per group, stacked, on the same bins and count scale. */
final class HistogramFigure {
  static final int WIDTH = 640;
  static final int PANEL_HEIGHT = 170;
  static final int TITLE_HEIGHT = 28;

  private HistogramFigure() {}

  /** The picture {@link #write} writes. */
  static BufferedImage draw(Histograms histograms, String title) {
    int left = 50;
    int right = 20;
    int top = 22;
    int bottom = 30;
    int panels = histograms.counts().size();
    BufferedImage image = new BufferedImage(WIDTH, TITLE_HEIGHT + panels * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(title, left, 19);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    double[] edges = histograms.edges();
    int bins = edges.length - 1;
    int tallest = Math.max(1, histograms.tallest());
    double plotWidth = WIDTH - left - right;
    int index = 0;
    for (Map.Entry<String, int[]> group : histograms.counts().entrySet()) {
      int y0 = TITLE_HEIGHT + index * PANEL_HEIGHT;
      int plotTop = y0 + top;
      int plotBottom = y0 + PANEL_HEIGHT - bottom;
      g.setColor(Color.BLACK);
      g.drawString(group.getKey() + " (n=" + java.util.Arrays.stream(group.getValue()).sum() + ")", left, y0 + 14);
      g.setColor(LossCurves.PALETTE[index % LossCurves.PALETTE.length]);
      for (int i = 0; i < bins; i++) {
        int height = (int) Math.round((double) group.getValue()[i] / tallest * (plotBottom - plotTop));
        int x = left + (int) Math.round(i * plotWidth / bins);
        int next = left + (int) Math.round((i + 1) * plotWidth / bins);
        g.fillRect(x + 1, plotBottom - height, Math.max(1, next - x - 2), height);
      }
      g.setColor(Color.GRAY);
      g.drawLine(left, plotBottom, WIDTH - right, plotBottom);
      g.drawLine(left, plotTop, left, plotBottom);
      g.drawString(Integer.toString(tallest), 8, plotTop + 10);
      g.drawString("0", 8, plotBottom);
      for (int i = 0; i <= bins; i += Math.max(1, bins / 5)) {
        int x = left + (int) Math.round(i * plotWidth / bins);
        g.drawString(ExperimentTable.Stat.round(edges[i]), x - 10, plotBottom + 14);
      }
      if (bins % Math.max(1, bins / 5) != 0) {
        g.drawString(ExperimentTable.Stat.round(edges[bins]), WIDTH - right - 20, plotBottom + 14);
      }
      index++;
    }
    g.dispose();
    return image;
  }

  /** Writes the figure to {@code png} (a temporary file moved into place, so no half-written picture). */
  static void write(Histograms histograms, String title, Path png) throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Pictures.write(draw(histograms, title), png);
  }
}
