package org.jgan.tools.cli;

import org.jgan.data.fetch.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.graphs.FolderLock;
import org.jgan.tools.figures.Figure;
import org.jgan.tools.figures.FigureFormat;
import org.jgan.tools.figures.FigureWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.tools.experiment.CellCheck;
import org.jgan.tools.experiment.CellSelection;
import org.jgan.tools.experiment.ExperimentFigures;
import org.jgan.tools.experiment.ExperimentFile;
import org.jgan.tools.experiment.ExperimentRunner;
import org.jgan.tools.experiment.ExperimentStatus;
import org.jgan.tools.experiment.ExperimentTable;
import org.jgan.tools.experiment.ExperimentTiming;
import org.jgan.tools.evaluation.Histograms;
import org.jgan.tools.progress.ProgressReporter;

/** {@code jgan experiment}: sweeps of objectives x datasets x settings x seeds, and their tables. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = "Run a described experiment (a grid x seeds) and write paper-style tables of its results.",
    subcommands = {ExperimentCommand.Run.class, ExperimentCommand.Table.class, ExperimentCommand.Time.class,
        ExperimentFiguresCommand.class, ExperimentReportCommand.class, ExperimentCorrelateCommand.class,
        ExperimentDocsCommand.class, ExperimentPublishCommand.class, ExperimentStatusCommand.class})
public final class ExperimentCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The experiment file, its scale and the data folder: what {@code run} and {@code time} both read. */
  static final class Source {
    @Parameters(index = "0", description = "experiment file (YAML or JSON)")
    Path file;

    @Option(names = "--quick", description = "use the file's quick settings (minutes on 2 cores) instead of the full scale")
    boolean quick;

    @Option(names = "--data", description = DataCommand.DATA_HELP)
    Path data;

    @Option(names = "--only", paramLabel = "KEY=VALUE[,VALUE...]",
        description = {"only the cells whose setting KEY (a grid axis, or seed) is one of these values; repeatable,",
            "every KEY must match; a cell without KEY (a baseline) is kept. Their folders are the whole file's,",
            "so the rest runs later into the same --out"})
    List<String> only;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED[,SEED...]",
        description = {"these seeds instead of the file's: more seeds for some cells after the sweep (with --only);",
            "a cell with a seed the file also lists is that cell, the same folder and result"})
    List<Long> seeds;

    /**
     * The experiment, checked whole, narrowed to the {@code --only} cells, with every file their
     * evaluations read checked to exist; {@code console} hears how many of the file's cells that is.
     */
    ExperimentFile read(PrintWriter console) throws java.io.IOException {
      ExperimentFile whole = ExperimentFile.read(file, quick, seeds, "--seeds");
      CellSelection selection = CellSelection.parse(only, "--only");
      ExperimentFile experiment = whole.only(selection, "--only");
      if (!selection.isAll()) {
        String kept = selection.keptWithoutKeys(experiment.cells());
        console.println("--only " + selection + ": " + experiment.cells().size() + " of the file's "
            + whole.cells().size() + " cells" + (kept.isEmpty() ? "" : " (kept, as they lack the key: " + kept + ")"));
      }
      new CellCheck(file).inputs(experiment.cells());
      return experiment;
    }

    Path dataDirectory() {
      return DataDirectory.orDefault(data);
    }
  }

  /** {@code jgan experiment run FILE --out DIR}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Run every cell of an experiment file, each in its own folder under --out and its own processes.",
          "Complete cells are skipped, so an interrupted sweep resumes where it stopped."})
  static final class Run implements Callable<Integer> {
    /** Cells run at once per available processor, at most: each is a JVM with TensorFlow's threads. */
    static final int JOBS_PER_PROCESSOR = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    Source source;

    @Option(names = "--out", required = true, description = "experiment folder")
    Path out;

    @Option(names = "--jobs", defaultValue = "1", description = "cells run at once (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--figure-format", defaultValue = "png", description = "each cell's losses figure: " + FigureFormat.HELP)
    String figureFormat;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--cluster", paramLabel = "FILE",
        description = {"train each cell on a worker of this cluster file (servers started with jgan server),",
            "one cell per worker at a time (replaces --jobs); a cell that fails on a worker is retried on another"})
    Path cluster;

    @Override
    public Integer call() throws Exception {
      checkJobs(spec, jobs);
      FigureFormat format = FigureFormat.parse(figureFormat, "--figure-format");
      ExperimentFile experiment = source.read(spec.commandLine().getOut());
      org.jgan.graphs.cluster.ClusterSpec clusterSpec = cluster == null ? null
          : org.jgan.graphs.cluster.ClusterSpec.read(cluster);
      List<String> failed;
      try (FolderLock lock = FolderLock.acquire(out)) {
        Files.copy(source.file, out.resolve(ExperimentStatus.copyName(source.file, source.quick)),
            StandardCopyOption.REPLACE_EXISTING);
        ExperimentRunner runner = new ExperimentRunner(experiment, out, jobs, source.dataDirectory(),
            spec.commandLine().getOut());
        if (clusterSpec != null) {
          runner.withCluster(clusterSpec);
        }
        failed = runner.withFigureFormat(format)
            .withProgress(org.jgan.tools.progress.ProgressReporter.forConsole(spec.commandLine().getOut(), quiet)).run();
      }
      if (!failed.isEmpty()) {
        spec.commandLine().getErr().println("jgan experiment run: " + failed.size() + " cell(s) failed: "
            + String.join(", ", failed) + " (see their train.log / eval.log)");
        return 1;
      }
      return 0;
    }

    /** Refuses a --jobs below 1 or above {@link #JOBS_PER_PROCESSOR} per available processor. */
    static void checkJobs(CommandSpec spec, int jobs) {
      if (jobs < 1) {
        throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
      }
      int processors = Runtime.getRuntime().availableProcessors();
      if (jobs > JOBS_PER_PROCESSOR * processors) {
        throw new ParameterException(spec.commandLine(), "--jobs " + jobs + " is more than " + JOBS_PER_PROCESSOR
            + " x the " + processors + " available processors (" + JOBS_PER_PROCESSOR * processors
            + "): each job is a training process of its own");
      }
    }
  }

  /** {@code jgan experiment time FILE --out DIR}. */
  @Command(name = "time", mixinStandardHelpOptions = true,
      description = {"Measure how long an experiment takes on this machine, from short probes.",
          "Each distinct cell trains for --probe-steps iterations and each distinct evaluation runs once in full;",
          "prints (and writes to --out) every run's time extrapolated to the full iterations, and the total;",
          "with --jobs N the probes run N at once, as experiment run --jobs N runs cells, and the total is wall time."})
  static final class Time implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Source source;

    @Option(names = "--out", required = true, description = "folder for the probe runs, timing.md and timing.json")
    Path out;

    @Option(names = "--jobs", defaultValue = "1",
        description = "runs at once, as experiment run --jobs: probes share the machine so (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--probe-steps", defaultValue = "200", description = "iterations each probe trains (default: ${DEFAULT-VALUE})")
    int probeSteps;

    @Override
    public Integer call() throws Exception {
      if (probeSteps < 4) {
        throw new ParameterException(spec.commandLine(), "--probe-steps must be at least 4, got " + probeSteps);
      }
      Run.checkJobs(spec, jobs);
      ExperimentFile experiment = source.read(spec.commandLine().getOut());
      ExperimentTiming timing = new ExperimentTiming(experiment, out, probeSteps, jobs, source.dataDirectory(),
          spec.commandLine().getOut());
      List<ExperimentTiming.Row> rows;
      try (FolderLock lock = FolderLock.acquire(out)) {
        rows = timing.measure();
        timing.write(rows);
      }
      spec.commandLine().getOut().print(timing.render(rows));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code jgan experiment table DIR}. */
  @Command(name = "table", mixinStandardHelpOptions = true,
      description = "Print a table of an experiment's results: rows by --group-by, columns by --metrics.")
  static final class Table implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "experiment folder")
    Path dir;

    @Option(names = "--format", defaultValue = "markdown", description = "markdown | latex | csv (default: ${DEFAULT-VALUE})")
    String format;

    @Mixin
    TableLayoutOptions layout;

    @Mixin
    HistogramOptions histogramOptions;

    @Option(names = "--out", description = "also write the table to this file")
    Path out;

    @Option(names = "--figure", description = "also write a PNG with each row's samples side by side")
    Path figure;

    @Option(names = "--figure-format", defaultValue = "png", description = "--figure and --histogram: " + FigureFormat.HELP)
    String figureFormat;

    @Option(names = "--histogram", description = {"also write a PNG of histograms of one metric over the runs, one per",
        "--histogram-by value on shared bins (the EBGAN paper's figure), and print them as text"})
    Path histogram;

    @Override
    public Integer call() throws Exception {
      if (!List.of("markdown", "latex", "csv").contains(format)) {
        throw new ParameterException(spec.commandLine(), "--format must be markdown, latex or csv, got '" + format + "'");
      }
      histogramOptions.checkBins();
      FigureFormat figureFiles = FigureFormat.parse(figureFormat, "--figure-format");
      ExperimentTable table = ExperimentTable.read(dir);
      List<String> rows = layout.rows(table);
      List<ExperimentTable.Column> columns = layout.columns(table);
      table = layout.selected(table, rows, columns);
      // A bad histogram request fails before anything is printed or written.
      ExperimentFigures figures = new ExperimentFigures(dir, table, rows);
      Figure histogramFigure = null;
      Histograms histograms = null;
      String title = null;
      if (histogram != null) {
        ExperimentTable.Column column = histogramOptions.requiredColumn(columns, "--histogram");
        histograms = histogramOptions.of(table, column);
        histogramFigure = figures.histogram(histograms, column, histogramOptions.by);
        title = figures.histogramTitle(column, histogramOptions.by);
      }
      String text = table.render(rows, columns, format);
      PrintWriter console = spec.commandLine().getOut();
      console.print(text);
      console.flush();
      if (out != null) {
        Files.writeString(out, text);
      }
      if (figure != null) {
        FigureWriter.write(figures.samples(), figure, figureFiles);
      }
      if (histograms != null) {
        FigureWriter.write(histogramFigure, histogram, figureFiles);
        console.print("\n" + histograms.text(title));
        console.flush();
      }
      return 0;
    }
  }
}
