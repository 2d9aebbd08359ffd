package org.jgan.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgan.data.fetch.DataDirectory;
import org.jgan.data.fetch.DatasetCatalogue;
import org.jgan.data.fetch.DatasetFetcher;
import org.jgan.data.fetch.DatasetInspector;
import org.jgan.data.fetch.DatasetStatus;
import org.jgan.data.fetch.FetchException;
import org.jgan.data.fetch.HttpDownloader;
import org.jgan.data.fetch.KnownDataset;
import org.jgan.data.fetch.MirrorList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.jgan.tools.progress.TerminalProgress;
import org.jgan.tools.progress.ProgressUnit;

/** {@code jgan data}: fetch, list and verify the datasets the other commands read. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = {"Fetch, list and verify datasets.",
        "The data folder is --data/--to, else " + DataDirectory.DEFAULT_FOLDER + "."},
    subcommands = {DataCommand.Fetch.class, DataCommand.ListDatasets.class, DataCommand.Verify.class})
public final class DataCommand implements Runnable {
  /** The help text of every command's {@code --data} flag: one wording of where data is looked for. */
  public static final String DATA_HELP = "data folder holding mnist/, fashion-mnist/, text/ (default: "
      + DataDirectory.DEFAULT_FOLDER + ", which 'jgan data fetch' fills)";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code jgan data fetch NAME... [--to DIR] [--mirror URL]...}. */
  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = {"Download datasets, verify every file's digest and keep them in the data folder.",
          "Partial downloads resume; files already present and verified are not downloaded again."})
  static final class Fetch implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DATASET", description = "mnist, fashion, text, cifar10 or all")
    List<String> names;

    @Option(names = "--to", paramLabel = "DIR", description = "data folder to fill (default: " + DataDirectory.DEFAULT_FOLDER + ")")
    Path to;

    @Option(names = "--mirror", paramLabel = "URL",
        description = "a server laid out like the data folder (URL/mnist/..., URL/text/fortunes.txt), tried before the "
            + "public mirrors; repeatable; $JGAN_MIRRORS adds more (space-separated)")
    List<String> mirrors = new ArrayList<>();

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Override
    public Integer call() {
      DatasetCatalogue catalogue = DatasetCatalogue.standard();
      List<KnownDataset> datasets = selected(catalogue, names);
      Path dataDir = DataDirectory.orDefault(to);
      DatasetFetcher fetcher = new DatasetFetcher(dataDir, MirrorList.of(mirrors, System.getenv(MirrorList.VARIABLE)),
          new HttpDownloader(), TerminalProgress.forConsole(spec.commandLine().getErr(), quiet));
      for (KnownDataset dataset : datasets) {
        try {
          fetcher.checkFetchable(dataset);
        } catch (IllegalArgumentException e) {
          throw names.contains("all") ? new IllegalArgumentException(e.getMessage() + " (or fetch the others: jgan data fetch "
              + String.join(" ", datasets.stream().filter(d -> d != dataset).map(KnownDataset::name).toList()) + ")") : e;
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      for (KnownDataset dataset : datasets) {
        DatasetFetcher.Outcome outcome;
        try {
          outcome = fetcher.fetch(dataset);
        } catch (FetchException e) {
          spec.commandLine().getErr().println("jgan data fetch: failed: " + e.getMessage());
          return 1;
        }
        out.println(dataset.name() + ": verified in " + dataDir.resolve(dataset.folder()) + " (" + outcome.downloaded()
            + " downloaded, " + outcome.alreadyPresent() + " already there)");
      }
      return 0;
    }
  }

  /** {@code jgan data list [--data DIR]}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Each known dataset: whether it is present and verified (digests recomputed), its size, its source.")
  static final class ListDatasets implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = DATA_HELP)
    Path data;

    @Override
    public Integer call() {
      Path dataDir = DataDirectory.orDefault(data);
      PrintWriter out = spec.commandLine().getOut();
      out.println("data folder: " + dataDir + (data != null ? "" : " (" + DataDirectory.origin() + ")"));
      out.println("| dataset | state | size | source |");
      out.println("|---|---|---|---|");
      for (KnownDataset dataset : DatasetCatalogue.standard().all()) {
        DatasetStatus status = DatasetInspector.inspect(dataDir, dataset);
        String source = status.state() == DatasetStatus.State.MISSING ? "run '" + DataDirectory.fetchCommand(dataset.name(),
            dataDir) + "'" : status.sources().isEmpty() ? "unknown (not fetched by jgan)" : String.join(", ", status.sources());
        out.println("| " + dataset.name() + " | " + status.state().name().toLowerCase() + " | "
            + (status.bytes() > 0 ? org.jgan.tools.progress.ProgressUnit.humanSize(status.bytes()) : "-") + " | " + source + " |");
      }
      out.println("Digests are SHA-256 (of the decompressed content for the .gz files), except cifar10's archive, checked by"
          + " its publisher's MD5; its extracted files are checked by the SHA-256 recorded when they were extracted.");
      return 0;
    }
  }

  /** {@code jgan data verify [--data DIR]}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Recompute the digest of every present dataset file.",
          "A corrupt file is named, renamed to NAME.corrupt so that nothing reads it, and the exit code is 2."})
  static final class Verify implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = DATA_HELP)
    Path data;

    @Override
    public Integer call() {
      Path dataDir = DataDirectory.orDefault(data);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int checked = 0;
      boolean bad = false;
      for (KnownDataset dataset : DatasetCatalogue.standard().all()) {
        DatasetStatus status = DatasetInspector.inspect(dataDir, dataset);
        switch (status.state()) {
          case MISSING -> {
            continue;
          }
          case VERIFIED -> out.println(dataset.name() + ": verified (" + files(dataset.keptFiles().size()) + ")");
          default -> {
            bad = true;
            String fetch = DataDirectory.fetchCommand(dataset.name(), dataDir);
            for (String problem : status.problems()) {
              err.println("jgan data verify: error: " + problem + "; run '" + fetch + "'");
            }
            quarantine(status, err);
          }
        }
        checked++;
      }
      if (checked == 0) {
        out.println("no datasets in " + dataDir + " (jgan data fetch all, or --data DIR)");
      }
      return bad ? 2 : 0;
    }

    /** Moves the files that fail their digest out of the readers' way (a fetch then replaces them). */
    private static void quarantine(DatasetStatus status, PrintWriter err) {
      for (Path file : status.corruptFiles()) {
        try {
          err.println("jgan data verify: moved " + file + " to " + DatasetInspector.quarantine(file).getFileName());
        } catch (RuntimeException e) {
          err.println("jgan data verify: could not move " + file + " aside: " + e.getMessage());
        }
      }
    }
  }

  private static String files(int count) {
    return count + (count == 1 ? " file" : " files");
  }

  private static List<KnownDataset> selected(DatasetCatalogue catalogue, List<String> names) {
    if (names.contains("all")) {
      return catalogue.all();
    }
    return names.stream().distinct().map(catalogue::named).toList();
  }
}
