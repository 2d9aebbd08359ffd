package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.tools.experiment.ExperimentReport;
import org.jgan.tools.experiment.ExperimentTable;
import org.jgan.tools.evaluation.Histograms;

/** {@code jgan experiment report DIR --out report.html}: one self-contained HTML page of an experiment's results. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write one self-contained HTML page (pictures inlined, no network needed to open it) of an experiment",
        "folder: the table (best per column marked) with its protocols, every number's protocol, each cell's samples",
        "side by side and loss curves, and with --histogram or --histogram-metric the histogram of a metric over the runs."})
public final class ExperimentReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "experiment folder")
  Path dir;

  @Option(names = "--out", required = true, description = "the HTML file to write")
  Path out;



  @Mixin
  TableLayoutOptions layout;

  @Mixin
  HistogramOptions histogramOptions;

  @Option(names = "--histogram", description = "add the histogram of the table's first column over the runs")
  boolean histogram;




  @Override
  public Integer call() throws Exception {
    histogramOptions.checkBins();
    ExperimentTable table = ExperimentTable.read(dir);
    List<String> rows = layout.rows(table);
    List<ExperimentTable.Column> columns = layout.columns(table);
    table = layout.selected(table, rows, columns);
    Histograms histograms = null;
    ExperimentTable.Column histogramColumn = null;
    if (histogram || histogramOptions.metric != null) {
      histogramColumn = histogramOptions.requiredColumn(columns, "--histogram");
      histograms = histogramOptions.of(table, histogramColumn);
    }
    new ExperimentReport(dir, table, rows, columns).page(histograms, histogramColumn, histogramOptions.by).write(out);
    spec.commandLine().getOut().println("wrote " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
