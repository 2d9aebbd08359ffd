package org.jgan.tools.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.jgan.tools.experiment.ExperimentTable;
import org.jgan.tools.evaluation.Histograms;

/**
 * {@code --histogram-metric}, {@code --histogram-by} and {@code --bins}: which metric's spread over
 * the runs is drawn, per which setting, on how many shared bins (table, report, figures).
 */
public final class HistogramOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--histogram-metric", description = "the histogram's metric or metric.field (default: the table's first column)")
  String metric;

  @Option(names = "--histogram-by", defaultValue = "objective", description = "the setting whose values get a histogram each, or settings joined by"
      + " commas (objective,pt-weight: a histogram per combination a run has) (default: ${DEFAULT-VALUE})")
  String by;

  @Option(names = "--bins", defaultValue = "10", description = "histogram bins (default: ${DEFAULT-VALUE})")
  int bins;

  /** Fails, naming --bins, on a bin count below 1: called before any work. */
  void checkBins() {
    if (bins < 1) {
      throw new ParameterException(spec.commandLine(), "--bins must be at least 1, got " + bins);
    }
  }

  /**
   * The column to draw: {@code --histogram-metric}, else the first of {@code columns}; null when
   * neither names one. A malformed metric fails naming --histogram-metric.
   */
  ExperimentTable.Column column(List<ExperimentTable.Column> columns) {
    try {
      return metric != null ? ExperimentTable.column(metric) : columns.isEmpty() ? null : columns.get(0);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage().replace("--metrics:", "--histogram-metric:"));
    }
  }

  /** {@link #column}, refusing (naming {@code flag}) results that have no metric to draw. */
  ExperimentTable.Column requiredColumn(List<ExperimentTable.Column> columns, String flag) {
    ExperimentTable.Column column = column(columns);
    if (column == null) {
      throw new ParameterException(spec.commandLine(), flag + ": the results have no metrics to draw");
    }
    return column;
  }

  /** The histograms of {@code column} over the runs of {@code table}, one per --histogram-by value. */
  Histograms of(ExperimentTable table, ExperimentTable.Column column) {
    return Histograms.of(table.valuesBy(column, by), bins);
  }
}
