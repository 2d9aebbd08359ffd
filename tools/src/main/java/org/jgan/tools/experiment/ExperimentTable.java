package org.jgan.tools.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jgan.eval.metric.Headline;
import org.jgan.eval.metric.Metric;
import org.jgan.eval.metric.Metrics;
import org.jgan.tools.run.DivergedRun;

/**
 * Paper-style tables from an experiment folder's result files: rows are the values of the
 * group-by settings, columns the chosen metrics, each cell mean +- std over the runs in the row
 * (its seeds, and every value of a setting the rows leave out, which the protocol line names)
 * (then, in brackets, the metric's own standard error averaged over seeds where it has one, like
 * Parzen; with one seed only that error), the
 * best value per column marked, and the protocol under the table. Rows keep the order the
 * settings first appear in, so the same results always give the same table.
 */
public final class ExperimentTable {
  /** A metric column: a path into a result's eval metrics and which direction is better. */
  public record Column(String path, boolean higherIsBetter, String ownError) {
    String metric() {
      return path.substring(0, path.indexOf('.'));
    }
  }

  /**
   * The default column of each registered metric's headline numbers, in registry order, and the
   * direction that counts as best: a metric's main number under its own name, any other under
   * {@code metric.field}.
   */
  static Map<String, Column> defaultColumnsByName() {
    Map<String, Column> columns = new LinkedHashMap<>();
    for (Metric metric : Metrics.all()) {
      List<Headline> headlines = metric.headlines();
      for (int i = 0; i < headlines.size(); i++) {
        Headline h = headlines.get(i);
        String path = metric.name() + "." + h.field();
        columns.put(i == 0 ? metric.name() : path, new Column(path, h.higherIsBetter(), h.ownError()));
      }
    }
    return columns;
  }

  private final List<JsonObject> results;
  /** How {@link #bestOf} chose the rows, a line of the protocol; null for a table of every run. */
  private final String selection;

  private ExperimentTable(List<JsonObject> results, String selection) {
    this.results = results;
    this.selection = selection;
  }

  /** Reads every {@code <cell>/result.json} under {@code dir}, in cell-folder order. */
  public static ExperimentTable read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": experiment folder not found");
    }
    List<Path> files;
    try (Stream<Path> cells = Files.list(dir)) {
      files = cells.map(c -> c.resolve(ExperimentRunner.RESULT)).filter(Files::isRegularFile).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no complete cells (no */" + ExperimentRunner.RESULT + ")");
    }
    List<JsonObject> results = new ArrayList<>();
    for (Path f : files) {
      results.add(JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject());
    }
    results.sort(java.util.Comparator.comparingInt(ExperimentTable::cellOrder).thenComparing(r -> r.get("cell").getAsString()));
    return new ExperimentTable(results, null);
  }

  /**
   * The best of a sweep, as papers report it: among the rows (by {@code groupBy}) that share their
   * values of {@code keys}, the one with the best mean of {@code by} (a metric or metric.field; null:
   * the first of {@code columns}); the table keeps only those rows' runs, and its protocol says how they
   * were chosen. A row with no mean (all its runs diverged) is never chosen; ties go to the earlier row.
   */
  public ExperimentTable bestOf(List<String> groupBy, List<String> keys, List<Column> columns, String by) {
    for (String key : keys) {
      if (!groupBy.contains(key)) {
        throw new IllegalArgumentException("--best-of: '" + key + "' is not one of the rows' settings " + groupBy
            + " (--group-by): the best row is chosen among rows that share it");
      }
    }
    if (by == null && columns.isEmpty()) {
      throw new IllegalArgumentException("--best-of: no column to choose by (give --best-by)");
    }
    Column criterion = by == null ? columns.get(0) : column(by);
    Map<List<String>, List<JsonObject>> rows = rowsByValues(groupBy);
    Map<List<String>, List<JsonObject>> best = new LinkedHashMap<>();
    Map<List<String>, Double> bestMean = new LinkedHashMap<>();
    Map<List<String>, Integer> candidates = new LinkedHashMap<>();
    for (Map.Entry<List<String>, List<JsonObject>> row : rows.entrySet()) {
      List<String> group = keys.stream().map(k -> row.getKey().get(groupBy.indexOf(k))).toList();
      candidates.merge(group, 1, Integer::sum);
      double mean = Stat.of(row.getValue(), criterion).mean();
      Double current = bestMean.get(group);
      if (!Double.isNaN(mean) && (current == null
          || (criterion.higherIsBetter() ? mean > current : mean < current))) {
        bestMean.put(group, mean);
        best.put(group, row.getValue());
      }
    }
    Set<JsonObject> chosen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    best.values().forEach(chosen::addAll);
    List<JsonObject> kept = results.stream().filter(chosen::contains).toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("--best-of: no row has a value of " + criterion.path() + " to choose by");
    }
    List<String> unchosen = candidates.keySet().stream().filter(g -> !best.containsKey(g)).map(String::valueOf).toList();
    String among = new LinkedHashSet<>(candidates.values()).size() == 1 ? "its " + candidates.values().iterator().next()
        : "its " + candidates.entrySet().stream().map(e -> String.join(" ", e.getKey()) + ": " + e.getValue())
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    String note = "Best of the sweep: for each " + String.join(", ", keys) + ", the row with the best mean "
        + criterion.path() + (criterion.higherIsBetter() ? " (higher better)" : " (lower better)") + " among " + among
        + " rows; " + (rows.size() - best.size()) + " rows (" + (results.size() - kept.size()) + " runs) left out"
        + (unchosen.isEmpty() ? "" : "; none chosen for " + String.join(", ", unchosen) + " (no row has a value)") + ".";
    return new ExperimentTable(kept, note);
  }

  /**
   * This table as {@code --best-of} narrows it ({@link #bestOf}), or itself when {@code keys} is null;
   * {@code by} without {@code keys} is an error. The one reading of the two options for the table and
   * report commands and for docs markers.
   */
  public ExperimentTable selected(List<String> groupBy, List<String> keys, List<Column> columns, String by) {
    if (keys == null) {
      if (by != null) {
        throw new IllegalArgumentException("--best-by chooses rows for --best-of, which is not given");
      }
      return this;
    }
    return bestOf(groupBy, keys, columns, by);
  }

  /** The runs by their values of {@code groupBy}, rows in order of first appearance; an unknown setting is an error. */
  private Map<List<String>, List<JsonObject>> rowsByValues(List<String> groupBy) {
    Set<String> known = settingKeys();
    for (String key : groupBy) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("--group-by: no setting '" + key + "' (have: "
            + String.join(", ", known) + ")");
      }
    }
    Map<List<String>, List<JsonObject>> rows = new LinkedHashMap<>();
    for (JsonObject r : results) {
      List<String> key = new ArrayList<>();
      for (String g : groupBy) {
        key.add(text(r.getAsJsonObject("settings").get(g)));
      }
      rows.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    return rows;
  }

  /** Cells carry their position in the grid in their settings' order; without one they sort by id. */
  private static int cellOrder(JsonObject result) {
    return result.has("order") ? result.get("order").getAsInt() : 0;
  }

  /** The settings that vary across the results, except the seed: the default rows. */
  public List<String> varyingSettings() {
    List<String> keys = new ArrayList<>();
    for (String key : settingKeys()) {
      if (!key.equals("seed") && (results.size() == 1 || takesSeveralValues(results, key))) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** One column per headline number of each metric present in any result, in registry order. */
  public List<Column> defaultColumns() {
    Set<String> present = new LinkedHashSet<>();
    for (JsonObject r : results) {
      present.addAll(r.getAsJsonObject("eval").getAsJsonObject("metrics").keySet());
    }
    List<Column> columns = new ArrayList<>();
    for (Column c : defaultColumnsByName().values()) {
      if (present.contains(c.metric())) {
        columns.add(c);
      }
    }
    return columns;
  }

  /** The column for {@code path} ("metric.field"), with the default direction for the metric. */
  public static Column column(String path) {
    Map<String, Column> defaults = defaultColumnsByName();
    if (!path.contains(".")) {
      Column c = defaults.get(path);
      if (c == null) {
        throw new IllegalArgumentException("--metrics: unknown metric '" + path + "' (known: "
            + String.join(", ", defaults.keySet()) + ", or metric.field)");
      }
      return c;
    }
    for (Column c : defaults.values()) {
      if (c.path().equals(path)) {
        return c;
      }
    }
    String metric = path.substring(0, path.indexOf('.'));
    Column base = defaults.get(metric);
    return new Column(path, base == null || base.higherIsBetter(), null);
  }

  /** The results, in table order. */
  List<JsonObject> results() {
    return results;
  }

  /**
   * The results grouped into the table's rows by {@code groupBy}, each row labelled
   * {@code setting=value, ...}, in table order.
   */
  Map<String, List<JsonObject>> rows(List<String> groupBy) {
    Map<String, List<JsonObject>> rows = new LinkedHashMap<>();
    for (JsonObject r : results) {
      List<String> key = new ArrayList<>();
      for (String g : groupBy) {
        key.add(g + "=" + text(r.getAsJsonObject("settings").get(g)));
      }
      rows.computeIfAbsent(String.join(", ", key), k -> new ArrayList<>()).add(r);
    }
    return rows;
  }

  /** A result's setting as text ("" where it has none). */
  static String setting(JsonObject result, String key) {
    return text(result.getAsJsonObject("settings").get(key));
  }

  /** A result's number at the column's path, or null where the result has none. */
  static Double value(JsonObject result, Column column) {
    JsonElement node = result.getAsJsonObject("eval").getAsJsonObject("metrics");
    for (String part : column.path().split("\\.")) {
      node = node != null && node.isJsonObject() ? node.getAsJsonObject().get(part) : null;
    }
    return node != null && node.isJsonPrimitive() && node.getAsJsonPrimitive().isNumber() ? node.getAsDouble() : null;
  }

  /**
   * Every run's value of {@code column}, grouped by its values of {@code settings} (one setting, or
   * several joined by commas: "objective,pt-weight"), each group labelled "setting=value, ..." with
   * the settings the run has, in first-appearance order; runs without the metric, or with none of
   * the settings, are left out.
   */
  public Map<String, List<Double>> valuesBy(Column column, String settings) {
    List<String> keys = List.of(settings.split(","));
    Set<String> known = settingKeys();
    for (String key : keys) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("--histogram-by: no run has a setting '" + key + "' (have: "
            + String.join(", ", known) + ")");
      }
    }
    Map<String, List<Double>> groups = new LinkedHashMap<>();
    for (JsonObject r : results) {
      List<String> label = new ArrayList<>();
      for (String key : keys) {
        JsonElement value = r.getAsJsonObject("settings").get(key);
        if (value != null) {
          label.add(key + "=" + text(value));
        }
      }
      Double value = value(r, column);
      if (!label.isEmpty() && value != null) {
        groups.computeIfAbsent(String.join(", ", label), k -> new ArrayList<>()).add(value);
      }
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("--histogram-metric: no run has a value for '" + column.path() + "'");
    }
    return groups;
  }

  /** The settings other than the seed that take more than one value within a row: the rows pool them. */
  List<String> pooledSettings(List<String> groupBy) {
    Set<String> pooled = new LinkedHashSet<>();
    Set<String> keys = settingKeys();
    for (List<JsonObject> row : rows(groupBy).values()) {
      for (String key : keys) {
        if (!key.equals("seed") && takesSeveralValues(row, key)) {
          pooled.add(key);
        }
      }
    }
    return List.copyOf(pooled);
  }

  /** Whether {@code runs} differ in {@code key}, a run without the setting counting as its own (empty) value. */
  private static boolean takesSeveralValues(List<JsonObject> runs, String key) {
    return runs.stream().map(r -> setting(r, key)).distinct().count() > 1;
  }

  /**
   * Every setting any run has, in first-appearance order: one part of a grid can have settings the
   * others lack (EBGAN's margin beside GAN's cells), and a run without one shows it empty.
   */
  Set<String> settingKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonObject r : results) {
      keys.addAll(r.getAsJsonObject("settings").keySet());
    }
    return keys;
  }

  /** Runs in the folder. */
  int size() {
    return results.size();
  }

  /**
   * The table before it is written in a format: the header, each row's setting values, each cell's
   * numbers and which cells hold their column's best mean.
   */
  record Layout(List<String> header, List<List<String>> labels, List<List<Stat>> stats, boolean[][] best) {}

  /** Renders the table; {@code format} is markdown, latex or csv. */
  public String render(List<String> groupBy, List<Column> columns, String format) {
    Layout layout = layout(groupBy, columns);
    int mostRuns = layout.stats().stream().flatMap(List::stream).mapToInt(Stat::runs).max().orElse(0);
    List<List<String>> body = new ArrayList<>();
    for (int i = 0; i < layout.labels().size(); i++) {
      List<String> line = new ArrayList<>(layout.labels().get(i));
      for (int j = 0; j < columns.size(); j++) {
        Stat stat = layout.stats().get(i).get(j);
        line.add(stat.format(format, layout.best()[i][j]) + stat.fewerRuns(mostRuns));
      }
      body.add(line);
    }
    String table = switch (format) {
      case "markdown" -> markdown(layout.header(), body);
      case "latex" -> latex(layout.header(), body);
      case "csv" -> csv(layout.header(), body);
      default -> throw new IllegalArgumentException("--format must be markdown, latex or csv, got '" + format + "'");
    };
    return table + protocol(groupBy, columns, format);
  }

  /** The rows by {@code groupBy}, the columns' numbers and the best per column; an unknown setting is an error. */
  Layout layout(List<String> groupBy, List<Column> columns) {
    Map<List<String>, List<JsonObject>> rows = rowsByValues(groupBy);
    List<List<Stat>> stats = new ArrayList<>();
    for (List<JsonObject> cellResults : rows.values()) {
      List<Stat> row = new ArrayList<>();
      for (Column c : columns) {
        row.add(Stat.of(cellResults, c));
      }
      stats.add(row);
    }
    boolean[][] best = new boolean[stats.size()][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      double bestValue = Double.NaN;
      for (List<Stat> row : stats) {
        double v = row.get(j).mean();
        if (!Double.isNaN(v) && (Double.isNaN(bestValue) || (columns.get(j).higherIsBetter() ? v > bestValue : v < bestValue))) {
          bestValue = v;
        }
      }
      for (int i = 0; i < stats.size(); i++) {
        best[i][j] = !Double.isNaN(bestValue) && stats.get(i).get(j).mean() == bestValue;
      }
    }
    List<String> header = new ArrayList<>(groupBy);
    for (Column c : columns) {
      header.add(c.path() + (c.higherIsBetter() ? " (higher better)" : " (lower better)"));
    }
    return new Layout(header, new ArrayList<>(rows.keySet()), stats, best);
  }

  private String protocol(List<String> groupBy, List<Column> columns, String format) {
    StringBuilder out = new StringBuilder("\n");
    for (String line : protocolLines(groupBy, columns)) {
      out.append(switch (format) {
        case "latex" -> "% " + line;
        case "csv" -> "# " + line;
        default -> line + "  ";
      }).append('\n');
    }
    return out.toString();
  }

  /**
   * What the table's numbers are: the runs, the seeds and what each row pools, then each column
   * metric's protocol, one line each.
   */
  List<String> protocolLines(List<String> groupBy, List<Column> columns) {
    JsonObject first = results.get(0);
    List<String> lines = new ArrayList<>();
    Set<Long> seeds = new java.util.TreeSet<>();
    for (JsonObject r : results) {
      seeds.add(r.getAsJsonObject("settings").get("seed").getAsLong());
    }
    List<String> pooled = pooledSettings(groupBy);
    String over = pooled.isEmpty() ? "seeds"
        : "the runs in each row, which pools every value of " + String.join(", ", pooled);
    long divergedRuns = results.stream().filter(r -> r.has(DIVERGED)).count();
    String divergedNote = divergedRuns == 0 ? ""
        : " (" + divergedRuns + " diverged: a row's runs that diverged have no metrics, and its cells say where they stopped)";
    lines.add("Experiment " + first.get("experiment").getAsString() + ": " + results.size() + " runs" + divergedNote
        + ", seeds " + seeds + "; cells are mean +- std over " + over + " (in brackets, +- the metric's own standard error where it has one; with one seed, that error alone); best per column marked.");
    if (selection != null) {
      lines.add(selection);
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Column c : columns) {
      if (seen.add(c.metric())) {
        for (JsonObject r : results) {
          JsonObject metric = r.getAsJsonObject("eval").getAsJsonObject("metrics").getAsJsonObject(c.metric());
          if (metric != null && metric.has("protocol")) {
            lines.add(c.metric() + ": " + metric.get("protocol").getAsString());
            break;
          }
        }
      }
    }
    return lines;
  }

  private static String markdown(List<String> header, List<List<String>> body) {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n");
    out.append("|").append("---|".repeat(header.size())).append('\n');
    for (List<String> row : body) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  private static String latex(List<String> header, List<List<String>> body) {
    StringBuilder out = new StringBuilder();
    out.append("\\begin{tabular}{").append("l".repeat(header.size())).append("}\n\\hline\n");
    out.append(String.join(" & ", header.stream().map(ExperimentTable::latexEscape).toList())).append(" \\\\\n\\hline\n");
    for (List<String> row : body) {
      List<String> cells = new ArrayList<>();
      for (String cell : row) {
        cells.add(cell.startsWith("\\textbf") || cell.contains("$\\pm$") ? cell : latexEscape(cell));
      }
      out.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    out.append("\\hline\n\\end{tabular}\n");
    return out.toString();
  }

  private static String latexEscape(String s) {
    return s.replace("\\", "\\textbackslash{}").replace("_", "\\_").replace("%", "\\%").replace("&", "\\&")
        .replace("#", "\\#");
  }

  private static String csv(List<String> header, List<List<String>> body) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", header.stream().map(ExperimentTable::csvQuote).toList())).append('\n');
    for (List<String> row : body) {
      out.append(String.join(",", row.stream().map(ExperimentTable::csvQuote).toList())).append('\n');
    }
    return out.toString();
  }

  private static String csvQuote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** A setting as text; numbers in plain decimals (0.0002, not Java's 2.0E-4) as the experiment file writes them. */
  private static String text(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return "";
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
      return new BigDecimal(value.getAsString()).stripTrailingZeros().toPlainString();
    }
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }

  /** A result's field recording that its training diverged (then it has no metrics). */
  static final String DIVERGED = "diverged";

  /** Where and how {@code result}'s training diverged; empty for a run that finished. */
  static java.util.Optional<DivergedRun> divergence(JsonObject result) {
    return result.has(DIVERGED)
        ? java.util.Optional.of(DivergedRun.fromJson(result.getAsJsonObject(DIVERGED), result.get("cell").getAsString()))
        : java.util.Optional.empty();
  }

  /**
   * A column's numbers for one row: the mean over seeds, the standard deviation over seeds (NaN
   * for one seed), the metric's own standard error averaged over seeds (NaN where it has none),
   * and the steps at which the row's diverged runs stopped (they have no numbers).
   */
  public record Stat(double mean, double spread, double ownError, int n, List<Long> divergedAt) {
    /** The row's runs: those with a number and those that diverged. */
    int runs() {
      return n + divergedAt.size();
    }

    static Stat of(List<JsonObject> results, Column column) {
      List<Double> values = new ArrayList<>();
      List<Double> ownErrors = new ArrayList<>();
      List<Long> divergedAt = new ArrayList<>();
      for (JsonObject r : results) {
        java.util.Optional<DivergedRun> divergence = divergence(r);
        if (divergence.isPresent()) {
          divergedAt.add(divergence.get().step());
          continue;
        }
        Double value = value(r, column);
        if (value != null) {
          values.add(value);
          if (column.ownError() != null) {
            ownErrors.add(r.getAsJsonObject("eval").getAsJsonObject("metrics").getAsJsonObject(column.metric())
                .get(column.ownError()).getAsDouble());
          }
        }
      }
      if (values.isEmpty()) {
        return new Stat(Double.NaN, Double.NaN, Double.NaN, 0, divergedAt);
      }
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double spread = Double.NaN;
      if (values.size() > 1) {
        double ss = 0;
        for (double v : values) {
          ss += (v - mean) * (v - mean);
        }
        spread = Math.sqrt(ss / (values.size() - 1));
      }
      double ownError = ownErrors.isEmpty() ? Double.NaN
          : ownErrors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      return new Stat(mean, spread, ownError, values.size(), divergedAt);
    }

    /**
     * What the cell's numbers leave out: a row with fewer runs than the table's others says so, lest
     * its missing spread read as none, and a row some of whose runs diverged says where.
     */
    String fewerRuns(int mostRuns) {
      if (n == 0) {
        return "";
      }
      if (!divergedAt.isEmpty()) {
        return " [" + n + " of " + runs() + " runs; " + divergedText() + "]";
      }
      return n < mostRuns ? " [" + n + (n == 1 ? " run]" : " runs]") : "";
    }

    private String divergedText() {
      List<String> steps = divergedAt.stream().map(String::valueOf).toList();
      return (divergedAt.size() == 1 ? "1 diverged at step " : divergedAt.size() + " diverged at steps ")
          + String.join(", ", steps);
    }

    /**
     * The cell's text: mean +- std over seeds, then the metric's own error in brackets where it has
     * one; with one seed, mean +- the metric's own error (the seed spread is unknown).
     */
    String format(String format, boolean best) {
      if (n == 0) {
        return divergedAt.isEmpty() ? "n/a"
            : divergedAt.size() == 1 ? "diverged at step " + divergedAt.get(0) : "all " + divergedText();
      }
      String pm = format.equals("latex") ? " $\\pm$ " : " +- ";
      String value = round(mean);
      if (!Double.isNaN(spread)) {
        value += pm + round(spread) + (Double.isNaN(ownError) ? "" : " (" + pm.trim() + " " + round(ownError) + ")");
      } else if (!Double.isNaN(ownError)) {
        value += pm + round(ownError);
      }
      if (!best) {
        return value;
      }
      return switch (format) {
        case "markdown" -> "**" + value + "**";
        case "latex" -> "\\textbf{" + value + "}";
        default -> value + " *";
      };
    }

    /**
     * {@code v} to 4 significant digits: plain down to 0.0001, below that as mantissa and power of ten
     * ("9.709e-14"), where the plain form would be a row of zeros before the digits.
     */
    public static String round(double v) {
      if (v == 0 || !Double.isFinite(v)) {
        return Double.isFinite(v) ? "0" : String.valueOf(v);
      }
      BigDecimal rounded = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
      if (Math.abs(v) >= SMALLEST_PLAIN) {
        return rounded.toPlainString();
      }
      int exponent = rounded.precision() - rounded.scale() - 1;
      return rounded.movePointRight(-exponent).toPlainString() + "e" + exponent;
    }

    /** The smallest magnitude written out plainly (four zeros after the point, then the digits). */
    private static final double SMALLEST_PLAIN = 1e-4;
  }

}
