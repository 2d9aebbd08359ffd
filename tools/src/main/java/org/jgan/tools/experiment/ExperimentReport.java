package org.jgan.tools.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgan.tools.figures.Figure;
import org.jgan.tools.figures.FigureWriter;
import org.jgan.tools.report.HtmlPage;
import org.jgan.tools.evaluation.Histograms;

/**
 * The HTML report of an experiment folder: the results table as {@code experiment table} computes
 * it (best per column marked) with its protocols, every cell's numbers with their protocols, the
 * sample pictures of every cell side by side, each cell's loss curves, and on request the
 * histogram of one metric over the runs.
 */
public final class ExperimentReport {
  private final Path dir;
  private final ExperimentTable table;
  private final List<String> groupBy;
  private final List<ExperimentTable.Column> columns;

  public ExperimentReport(Path dir, ExperimentTable table, List<String> groupBy, List<ExperimentTable.Column> columns) {
    this.dir = dir;
    this.table = table;
    this.groupBy = groupBy;
    this.columns = columns;
  }

  /**
   * The page; {@code histogram} (null: none) is the histogram of {@code histogramColumn} by
   * {@code histogramBy}, already binned.
   */
  public HtmlPage page(Histograms histogram, ExperimentTable.Column histogramColumn, String histogramBy) throws IOException {
    String name = table.results().get(0).get("experiment").getAsString();
    HtmlPage page = new HtmlPage("Experiment " + name);
    ExperimentFigures figures = new ExperimentFigures(dir, table, groupBy);

    page.heading(2, "Results");
    ExperimentTable.Layout layout = table.layout(groupBy, columns);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < layout.labels().size(); i++) {
      List<String> row = new ArrayList<>(layout.labels().get(i));
      for (ExperimentTable.Stat stat : layout.stats().get(i)) {
        row.add(stat.format("text", false));
      }
      rows.add(row);
    }
    page.table(layout.header(), rows, shiftedBest(layout));
    for (String line : table.protocolLines(groupBy, columns)) {
      page.paragraph(line, "protocol");
    }

    if (histogram != null) {
      page.heading(2, "Histogram");
      page.image(FigureWriter.image(figures.histogram(histogram, histogramColumn, histogramBy)),
          figures.histogramTitle(histogramColumn, histogramBy));
      page.preformatted(histogram.text(figures.histogramTitle(histogramColumn, histogramBy)));
    }

    page.heading(2, "Samples");
    List<byte[]> pictures = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (JsonObject result : table.results()) {
      Path samples = dir.resolve(cell(result)).resolve(ExperimentRunner.RUN).resolve("samples.png");
      if (Files.isRegularFile(samples)) {
        pictures.add(Files.readAllBytes(samples));
        captions.add(cell(result));
      } else {
        page.paragraph(cell(result) + ": no samples.png", null);
      }
    }
    page.gallery(pictures, captions);

    page.heading(2, "Losses");
    for (Map.Entry<String, Figure> losses : figures.losses().entrySet()) {
      page.image(FigureWriter.image(losses.getValue()), losses.getKey());
    }

    page.heading(2, "Every number and its protocol");
    page.table(List.of("cell", "metric", "value", "protocol"), everyNumber(), null);
    return page;
  }

  /** Each cell's metrics: the evaluation's own summary of the number, and the protocol it was measured by. */
  private List<List<String>> everyNumber() {
    List<List<String>> rows = new ArrayList<>();
    for (JsonObject result : table.results()) {
      ExperimentTable.divergence(result).ifPresent(d ->
          rows.add(List.of(cell(result), "diverged", "at step " + d.step(), d.message())));
      JsonObject metrics = result.getAsJsonObject("eval").getAsJsonObject("metrics");
      for (Map.Entry<String, JsonElement> metric : metrics.entrySet()) {
        JsonObject m = metric.getValue().isJsonObject() ? metric.getValue().getAsJsonObject() : new JsonObject();
        rows.add(List.of(cell(result), metric.getKey(), text(m, "summary"), text(m, "protocol")));
      }
    }
    return rows;
  }

  /** The layout marks best cells among the metric columns; the page's rows also hold the setting columns first. */
  private static boolean[][] shiftedBest(ExperimentTable.Layout layout) {
    int labels = layout.header().size() - (layout.best().length == 0 ? 0 : layout.best()[0].length);
    boolean[][] best = new boolean[layout.best().length][layout.header().size()];
    for (int i = 0; i < best.length; i++) {
      System.arraycopy(layout.best()[i], 0, best[i], labels, layout.best()[i].length);
    }
    return best;
  }

  private static String cell(JsonObject result) {
    return result.get("cell").getAsString();
  }

  private static String text(JsonObject metric, String key) {
    JsonElement value = metric.get(key);
    return value == null || value.isJsonNull() ? "" : value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }
}
