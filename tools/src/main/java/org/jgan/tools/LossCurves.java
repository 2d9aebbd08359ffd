package org.jgan.tools;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG of a run's loss curves: every {@code .../loss} series of its log.jsonl against the step,
 * and below them, when the run probed its sample quality, the {@code quality/...} series.
 */
final class LossCurves {
  /** The series colours, in order; the histogram figure uses them too. */
  static final Color[] PALETTE = {new Color(30, 90, 200), new Color(220, 80, 30), new Color(40, 160, 70),
      new Color(150, 60, 180), new Color(120, 120, 120)};

  private LossCurves() {}

  /** Reads the series named {@code .../loss} from {@code log} and draws them into {@code png}. */
  static void write(Path log, Path png) throws IOException {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    Map<String, List<double[]>> quality = new LinkedHashMap<>();
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log)) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
        double step = entry.get("step").getAsDouble();
        for (Map.Entry<String, JsonElement> e : entry.entrySet()) {
          if (e.getKey().endsWith("/loss")) {
            series.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {step, e.getValue().getAsDouble()});
          } else if (e.getKey().startsWith("quality/")) {
            quality.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {step, e.getValue().getAsDouble()});
          }
        }
      }
    }
    BufferedImage losses = draw(series);
    if (quality.isEmpty()) {
      ImageIO.write(losses, "png", png.toFile());
      return;
    }
    BufferedImage below = draw(quality);
    BufferedImage both = new BufferedImage(losses.getWidth(), losses.getHeight() + below.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.drawImage(losses, 0, 0, null);
    g.drawImage(below, 0, losses.getHeight(), null);
    g.dispose();
    ImageIO.write(both, "png", png.toFile());
  }

  static BufferedImage draw(Map<String, List<double[]>> series) {
    int width = 640;
    int height = 360;
    int left = 60;
    int right = 20;
    int top = 20;
    int bottom = 40;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (List<double[]> points : series.values()) {
      for (double[] p : points) {
        if (Double.isFinite(p[1])) {
          minX = Math.min(minX, p[0]);
          maxX = Math.max(maxX, p[0]);
          minY = Math.min(minY, p[1]);
          maxY = Math.max(maxY, p[1]);
        }
      }
    }
    g.setColor(Color.GRAY);
    g.drawRect(left, top, width - left - right, height - top - bottom);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    if (minX > maxX) {
      g.drawString("no losses logged", left + 10, top + 20);
      g.dispose();
      return image;
    }
    if (maxX == minX) {
      maxX = minX + 1;
    }
    if (maxY == minY) {
      maxY = minY + 1;
    }
    g.drawString(String.format("%.3g", maxY), 4, top + 10);
    g.drawString(String.format("%.3g", minY), 4, height - bottom);
    g.drawString(String.format("step %.0f", minX), left, height - bottom + 15);
    g.drawString(String.format("%.0f", maxX), width - right - 40, height - bottom + 15);
    int index = 0;
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      Color color = PALETTE[index % PALETTE.length];
      g.setColor(color);
      g.setStroke(new BasicStroke(1.5f));
      int[] last = null;
      for (double[] p : e.getValue()) {
        if (!Double.isFinite(p[1])) {
          continue;
        }
        int x = left + (int) Math.round((p[0] - minX) / (maxX - minX) * (width - left - right));
        int y = top + (int) Math.round((maxY - p[1]) / (maxY - minY) * (height - top - bottom));
        if (last != null) {
          g.drawLine(last[0], last[1], x, y);
        }
        last = new int[] {x, y};
      }
      g.drawString(e.getKey(), left + 10 + 160 * index, height - 8);
      index++;
    }
    g.dispose();
    return image;
  }
}
