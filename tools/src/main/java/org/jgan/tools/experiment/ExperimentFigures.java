package org.jgan.tools.experiment;

import org.jgan.tools.run.JsonLinesLog;
import org.jgan.training.TrainingDefaults;
import org.jgan.training.DataSeeds;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.jgan.data.NamedDatasets;
import org.jgan.data.ToyDistribution;
import org.jgan.eval.metric.ParzenMetric;
import org.jgan.tools.figures.Figure;
import org.jgan.tools.figures.FigureFormat;
import org.jgan.tools.figures.FigureWriter;
import org.jgan.tools.figures.HistogramFigure;
import org.jgan.tools.figures.Palette;
import org.jgan.tools.figures.Panel;
import org.jgan.tools.figures.ParzenSigmaFigure;
import org.jgan.tools.figures.Picture;
import org.jgan.tools.figures.RunLog;
import org.jgan.tools.figures.ScatterFigure;
import org.jgan.tools.figures.SeedBandFigure;
import org.jgan.tools.run.GeneratedSamples;
import org.jgan.tools.evaluation.Histograms;
import org.jgan.tools.run.RunFigures;

/**
 * The figures of an experiment folder, built from its cells' run folders and result files: each
 * row's samples side by side, the losses of every cell above its quality probe, the histogram of a
 * metric over the grid, the Parzen sigma search, and every logged scalar as mean +- std over seeds.
 * Rows are the table's rows ({@code groupBy}); colours follow the objective wherever it tells the
 * rows apart.
 */
public final class ExperimentFigures {
  private final Path dir;
  private final ExperimentTable table;
  private final Map<String, List<JsonObject>> rows;
  private final String name;

  public ExperimentFigures(Path dir, ExperimentTable table, List<String> groupBy) {
    this.dir = dir;
    this.table = table;
    this.rows = table.rows(groupBy);
    this.name = table.results().get(0).get("experiment").getAsString();
  }

  /** Each row's first run: its samples over the real mixture (2-D data) or its sample grid, captioned with the row's settings. */
  public Figure samples() throws IOException {
    List<Panel> panels = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, List<JsonObject>> row : rows.entrySet()) {
      JsonObject first = row.getValue().get(0);
      Path runDir = runDir(first);
      String dataset = configValue(first, "dataset");
      java.util.Optional<org.jgan.tools.run.DivergedRun> divergence = ExperimentTable.divergence(first);
      if (divergence.isPresent()) {
        // Its last finite checkpoint is not the model the table reports: no picture of it.
        notes.add(row.getKey() + ": its first run diverged at step " + divergence.get().step() + ", no samples");
      } else if (NamedDatasets.isToy(dataset)) {
        ToyDistribution toy = ToyDistribution.byId(dataset);
        GeneratedSamples samples = GeneratedSamples.fromCheckpoint(runDir, TrainingDefaults.SAMPLE_COUNT, 0, System.err::println);
        long seed = Long.parseLong(configValue(first, "seed"));
        float[] real = toy.sample(new SplittableRandom(DataSeeds.plot(seed)), TrainingDefaults.SAMPLE_COUNT);
        panels.add(ScatterFigure.panel(row.getKey(), real, samples.values(), toy.modes(), RunFigures.TOY_EXTENT,
            colour(first), notes));
      } else if (Files.exists(runDir.resolve("samples.png"))) {
        panels.add(new Picture(row.getKey(), ImageIO.read(runDir.resolve("samples.png").toFile())));
      } else {
        notes.add(row.getKey() + ": no samples.png in " + runDir);
      }
    }
    int columns = Math.min(4, Math.max(1, panels.size()));
    return new Figure(name + ": samples of each row's first run", columns, 400, 380, panels, notes);
  }

  /** The loss figure of every cell, by cell id. */
  Map<String, Figure> losses() throws IOException {
    Map<String, Figure> figures = new java.util.LinkedHashMap<>();
    for (JsonObject r : table.results()) {
      String cell = r.get("cell").getAsString();
      figures.put(cell, RunFigures.losses(runDir(r), cell));
    }
    return figures;
  }

  /** The EBGAN paper's histogram of {@code column} over every run, one panel per value of {@code by}. */
  public Figure histogram(ExperimentTable.Column column, String by, int bins) {
    return histogram(Histograms.of(table.valuesBy(column, by), bins), column, by);
  }

  /** The figure of {@code histograms}, already binned from {@code column} by {@code by}. */
  public Figure histogram(Histograms histograms, ExperimentTable.Column column, String by) {
    return HistogramFigure.of(histogramTitle(column, by), column.path(), histograms.binLabels(), histograms.counts());
  }

  /** The histogram figure's title. */
  public String histogramTitle(ExperimentTable.Column column, String by) {
    return column.path() + " over " + table.size() + " runs, by " + by;
  }

  /** The Parzen sigma search of every run whose evaluation recorded one, or null when none did. */
  public Figure parzenSigma() {
    List<ParzenSigmaFigure.Search> searches = new ArrayList<>();
    for (Map.Entry<String, List<JsonObject>> row : rows.entrySet()) {
      for (JsonObject r : row.getValue()) {
        JsonObject parzen = r.getAsJsonObject("eval").getAsJsonObject("metrics").getAsJsonObject(ParzenMetric.NAME);
        if (parzen == null || !parzen.has("sigmas") || !parzen.has("validation_means")) {
          continue;
        }
        String label = (row.getKey().isEmpty() ? "" : row.getKey() + ", ") + "seed " + ExperimentTable.setting(r, "seed");
        searches.add(new ParzenSigmaFigure.Search(label, colour(r), numbers(parzen.getAsJsonArray("sigmas")),
            numbers(parzen.getAsJsonArray("validation_means")), parzen.get("sigma").getAsDouble()));
      }
    }
    return searches.isEmpty() ? null : ParzenSigmaFigure.of(name + ": Parzen sigma chosen on the validation set", searches);
  }

  /** {@code scalars} (null: every loss and quality probe logged) as mean +- std over each row's seeds. */
  public Figure seedBands(List<String> scalars) throws IOException {
    List<SeedBandFigure.Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<JsonObject>> row : rows.entrySet()) {
      List<RunLog> logs = new ArrayList<>();
      for (JsonObject r : row.getValue()) {
        logs.add(RunLog.read(runDir(r).resolve(JsonLinesLog.FILE)));
      }
      groups.add(new SeedBandFigure.Group(row.getKey().isEmpty() ? name : row.getKey(), colour(row.getValue().get(0)), logs));
    }
    List<String> shown = scalars != null ? scalars : SeedBandFigure.loggedScalars(groups);
    return SeedBandFigure.of(name + ": logged scalars, mean +- std over seeds", shown, groups);
  }

  /**
   * Writes every figure into {@code out} ({@code samples}, {@code losses/<cell>}, {@code histogram}
   * when the results have a metric, {@code parzen-sigma} when a run recorded its sigma search,
   * {@code seed-bands}); returns the files written.
   */
  public List<Path> writeAll(Path out, FigureFormat format, List<String> scalars, ExperimentTable.Column histogramColumn,
      String histogramBy, int bins) throws IOException {
    List<Path> written = new ArrayList<>();
    written.addAll(FigureWriter.write(samples(), out.resolve("samples.png"), format));
    for (Map.Entry<String, Figure> cell : losses().entrySet()) {
      written.addAll(FigureWriter.write(cell.getValue(), out.resolve("losses").resolve(cell.getKey() + ".png"), format));
    }
    if (histogramColumn != null) {
      written.addAll(FigureWriter.write(histogram(histogramColumn, histogramBy, bins), out.resolve("histogram.png"), format));
    }
    Figure parzen = parzenSigma();
    if (parzen != null) {
      written.addAll(FigureWriter.write(parzen, out.resolve("parzen-sigma.png"), format));
    }
    written.addAll(FigureWriter.write(seedBands(scalars), out.resolve("seed-bands.png"), format));
    return written;
  }

  private Path runDir(JsonObject result) {
    return dir.resolve(result.get("cell").getAsString()).resolve(ExperimentRunner.RUN);
  }

  /**
   * The objective's colour when the objective alone tells the rows apart (so it keeps its colour in
   * every figure), else the row's own palette entry, so two rows of one objective do not share a
   * colour.
   */
  private Color colour(JsonObject result) {
    Set<String> objectives = new HashSet<>();
    for (List<JsonObject> row : rows.values()) {
      objectives.add(objective(row.get(0)));
    }
    if (objectives.size() == rows.size()) {
      return Palette.of(objective(result));
    }
    int index = 0;
    for (List<JsonObject> row : rows.values()) {
      if (row.contains(result)) {
        return Palette.nth(index);
      }
      index++;
    }
    return Palette.of(objective(result));
  }

  private static String objective(JsonObject result) {
    return configValue(result, "objective");
  }

  /** A run's resolved setting from its config, else from the cell's settings ("" where neither has it). */
  private static String configValue(JsonObject result, String key) {
    JsonObject config = result.getAsJsonObject("config");
    return config != null && config.has(key) ? config.get(key).getAsString() : ExperimentTable.setting(result, key);
  }

  private static double[] numbers(JsonArray array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).isJsonPrimitive() && array.get(i).getAsJsonPrimitive().isNumber() ? array.get(i).getAsDouble()
          : Double.NaN;
    }
    return out;
  }
}
