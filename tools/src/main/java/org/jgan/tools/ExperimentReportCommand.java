package org.jgan.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan experiment report DIR --out report.html}: one self-contained HTML page of an experiment's results. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write one self-contained HTML page (pictures inlined, no network needed to open it) of an experiment",
        "folder: the table (best per column marked) with its protocols, every number's protocol, each cell's samples",
        "side by side and loss curves, and with --histogram or --histogram-metric the histogram of a metric over the runs."})
final class ExperimentReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "experiment folder")
  Path dir;

  @Option(names = "--out", required = true, description = "the HTML file to write")
  Path out;

  @Option(names = "--group-by", split = ",", description = "settings that make the rows (default: those that vary, but the seed)")
  List<String> groupBy;

  @Option(names = "--metrics", split = ",", description = "columns: metric names or metric.field paths (default: each metric's main number)")
  List<String> metrics;

  @Option(names = "--histogram", description = "add the histogram of the table's first column over the runs")
  boolean histogram;

  @Option(names = "--histogram-metric", description = "add the histogram of this metric or metric.field over the runs")
  String histogramMetric;

  @Option(names = "--histogram-by", defaultValue = "objective", description = "the setting whose values get a histogram each (default: ${DEFAULT-VALUE})")
  String histogramBy;

  @Option(names = "--bins", defaultValue = "10", description = "histogram bins (default: ${DEFAULT-VALUE})")
  int bins;

  @Override
  public Integer call() throws Exception {
    if (bins < 1) {
      throw new ParameterException(spec.commandLine(), "--bins must be at least 1, got " + bins);
    }
    ExperimentTable table = ExperimentTable.read(dir);
    List<String> rows = groupBy != null ? groupBy : table.varyingSettings();
    List<ExperimentTable.Column> columns = new ArrayList<>();
    if (metrics == null) {
      columns.addAll(table.defaultColumns());
    } else {
      for (String m : metrics) {
        columns.add(ExperimentTable.column(m));
      }
    }
    Histograms histograms = null;
    ExperimentTable.Column histogramColumn = null;
    if (histogram || histogramMetric != null) {
      try {
        histogramColumn = histogramMetric != null ? ExperimentTable.column(histogramMetric)
            : columns.isEmpty() ? null : columns.get(0);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage().replace("--metrics:", "--histogram-metric:"));
      }
      if (histogramColumn == null) {
        throw new ParameterException(spec.commandLine(), "--histogram: the results have no metrics to draw");
      }
      histograms = Histograms.of(table.valuesBy(histogramColumn, histogramBy), bins);
    }
    new ExperimentReport(dir, table, rows, columns).page(histograms, histogramColumn, histogramBy).write(out);
    spec.commandLine().getOut().println("wrote " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
