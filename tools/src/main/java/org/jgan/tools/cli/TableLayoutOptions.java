package org.jgan.tools.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import org.jgan.tools.experiment.ExperimentTable;

/** {@code --group-by} and {@code --metrics}: the rows and columns of an experiment's table (table, report). */
public final class TableLayoutOptions {
  @Option(names = "--group-by", split = ",", description = "settings that make the rows (default: those that vary, but the seed)")
  List<String> groupBy;

  @Option(names = "--metrics", split = ",", description = "columns: metric names or metric.field paths (default: each metric's main number)")
  List<String> metrics;

  @Option(names = "--best-of", split = ",", paramLabel = "SETTING[,SETTING...]",
      description = {"per value of these row settings, only the row with the best --best-by mean: a sweep's best",
          "row per objective, as papers report it (--group-by objective,lr --best-of objective)"})
  List<String> bestOf;

  @Option(names = "--best-by", paramLabel = "METRIC", description = "the metric or metric.field --best-of chooses by (default: the first column)")
  String bestBy;

  /**
   * {@code table} as {@code --best-of} narrows it (unchanged without it), for the {@code rows} and
   * {@code columns} found on the whole table, so a setting the best rows share stays a column.
   */
  ExperimentTable selected(ExperimentTable table, List<String> rows, List<ExperimentTable.Column> columns) {
    return table.selected(rows, bestOf, columns, bestBy);
  }

  /** The settings that make the rows: {@code --group-by}, else those that vary in {@code table}. */
  List<String> rows(ExperimentTable table) {
    return groupBy != null ? groupBy : table.varyingSettings();
  }

  /** The columns: {@code --metrics}, else each metric's main number. */
  List<ExperimentTable.Column> columns(ExperimentTable table) {
    if (metrics == null) {
      return table.defaultColumns();
    }
    List<ExperimentTable.Column> columns = new ArrayList<>();
    for (String m : metrics) {
      columns.add(ExperimentTable.column(m));
    }
    return columns;
  }
}
