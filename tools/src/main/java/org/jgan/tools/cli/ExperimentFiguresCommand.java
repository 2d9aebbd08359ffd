package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.tools.figures.FigureFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.tools.experiment.ExperimentFigures;
import org.jgan.tools.experiment.ExperimentTable;

/** {@code jgan experiment figures DIR --out OUTDIR}: the seed papers' figures from an experiment's run folders. */
@Command(name = "figures", mixinStandardHelpOptions = true,
    description = {"Write the figures of an experiment folder into --out: samples (each row side by side), losses/<cell>",
        "(losses above the quality probe), histogram (a metric over the runs), parzen-sigma (the sigma search),",
        "seed-bands (logged scalars, mean +- std over seeds). Rows are the table's rows (--group-by)."})
public final class ExperimentFiguresCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "experiment folder")
  Path dir;

  @Option(names = "--out", required = true, description = "folder for the figures")
  Path out;

  @Option(names = "--figure-format", defaultValue = "png", description = FigureFormat.HELP)
  String figureFormat;

  @Option(names = "--group-by", split = ",", description = "settings that make the rows (default: those that vary, but the seed)")
  List<String> groupBy;

  @Mixin
  HistogramOptions histogramOptions;

  @Option(names = "--scalars", split = ",", description = "logged scalars for seed-bands (default: every loss and quality probe)")
  List<String> scalars;




  @Override
  public Integer call() throws Exception {
    histogramOptions.checkBins();
    FigureFormat format = FigureFormat.parse(figureFormat, "--figure-format");
    ExperimentTable table = ExperimentTable.read(dir);
    List<String> rows = groupBy != null ? groupBy : table.varyingSettings();
    table.render(rows, List.of(), "markdown"); // checks --group-by before anything is drawn
    ExperimentTable.Column column = histogramOptions.column(table.defaultColumns());
    List<Path> written = new ExperimentFigures(dir, table, rows).writeAll(out, format, scalars, column, histogramOptions.by, histogramOptions.bins);
    for (Path file : written) {
      spec.commandLine().getOut().println("wrote " + file);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
