package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.tools.experiment.ReproductionDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan experiment docs FILE}: regenerates a document's tables from committed result folders. */
@Command(name = "docs", mixinStandardHelpOptions = true,
    description = {"Regenerate every table of a markdown file marked <!-- jgan table: FOLDER [--group-by ..] [--metrics ..] -->",
        "... <!-- end jgan table --> from the result folder's */result.json (docs/reproductions.md), and every",
        "<!-- jgan correlation: FOLDER [--loss ..] [--quality ..] --> ... <!-- end jgan correlation --> with",
        "`jgan experiment correlate FOLDER`'s table, from the cells' run/log.jsonl."})
public final class ExperimentDocsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "markdown file")
  Path file;

  @Option(names = "--root", defaultValue = ".", description = "folder the markers' result folders are relative to (default: the current folder)")
  Path root;

  @Option(names = "--check", description = "write nothing; exit 1 if a table differs from what its results generate")
  boolean check;

  @Override
  public Integer call() throws Exception {
    boolean changed = ReproductionDocs.update(file, root, check);
    if (check && changed) {
      spec.commandLine().getErr().println("jgan experiment docs: " + file + " is stale: run jgan experiment docs " + file);
      spec.commandLine().getErr().flush();
      return 1;
    }
    spec.commandLine().getOut().println(file + (changed ? ": tables regenerated" : ": tables up to date"));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
