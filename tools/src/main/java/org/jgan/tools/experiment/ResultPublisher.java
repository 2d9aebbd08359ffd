package org.jgan.tools.experiment;

import org.jgan.training.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jgan.graphs.AtomicFiles;
import org.jgan.tools.run.DivergedRun;
import org.jgan.tools.run.JsonLinesLog;
import org.jgan.tools.run.LoopTimer;

/**
 * Copies an experiment's small result files into a folder meant for version control (such as
 * {@code docs/results/NAME}), from which {@code jgan experiment table}, {@code correlate},
 * {@code figures}' loss plots and {@code docs} regenerate everything: per complete cell (one
 * with a {@code result.json}) its {@code cell.json}, {@code result.json} and the run's {@code
 * config.json}, {@code timing.json} (a diverged run's {@code diverged.json} too) and, unless left
 * out, {@code log.jsonl}; never checkpoints, TensorBoard files or pictures. Each file is written
 * atomically and replaces an older copy; cells not yet complete are listed, not copied.
 */
public final class ResultPublisher {
  /** The run's files copied, beside the cell's own; the log last, as it is optional. */
  private static final List<String> RUN_FILES = List.of(RunConfig.FILE, LoopTimer.FILE);

  private ResultPublisher() {}

  /**
   * @param published the cells copied, in folder order
   * @param incomplete the cells without a result, not copied
   * @param files the files written
   */
  public record Report(List<String> published, List<String> incomplete, int files) {}

  /** Copies the complete cells of experiment folder {@code runs} into {@code out}. */
  public static Report publish(Path runs, Path out, boolean withLogs) throws IOException {
    if (!Files.isDirectory(runs)) {
      throw new IllegalArgumentException(runs + ": experiment folder not found");
    }
    List<Path> cells = CellIdentity.startedFolders(runs);
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(runs + ": no experiment cells (no */" + CellIdentity.STARTED + ")");
    }
    List<String> published = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    int files = 0;
    for (Path cell : cells) {
      String name = cell.getFileName().toString();
      if (!Files.isRegularFile(cell.resolve(ExperimentRunner.RESULT))) {
        incomplete.add(name);
        continue;
      }
      List<String> relative = new ArrayList<>(List.of(CellIdentity.STARTED, ExperimentRunner.RESULT));
      boolean diverged = Files.isRegularFile(cell.resolve(ExperimentRunner.RUN).resolve(DivergedRun.FILE));
      for (String f : RUN_FILES) {
        // A loop that diverged ended without timing itself, unless an earlier, stopped attempt did.
        if (!(diverged && f.equals(LoopTimer.FILE) && !Files.isRegularFile(cell.resolve(ExperimentRunner.RUN).resolve(f)))) {
          relative.add("run/" + f);
        }
      }
      if (diverged) {
        relative.add("run/" + DivergedRun.FILE);
      }
      if (withLogs) {
        relative.add("run/" + JsonLinesLog.FILE);
      }
      for (String file : relative) {
        Path source = cell.resolve(file);
        if (!Files.isRegularFile(source)) {
          throw new IllegalArgumentException(source + ": missing from complete cell " + name);
        }
        byte[] bytes = Files.readAllBytes(source);
        AtomicFiles.write(out.resolve(name).resolve(file), stream -> stream.write(bytes));
        files++;
      }
      published.add(name);
    }
    return new Report(published, incomplete, files);
  }
}
