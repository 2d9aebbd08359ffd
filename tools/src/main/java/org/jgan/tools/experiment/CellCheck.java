package org.jgan.tools.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import org.jgan.tools.cli.EvalCommand;
import org.jgan.eval.metric.Metrics;
import org.jgan.tools.run.GeneratedSamples;
import org.jgan.training.RunConfig;
import org.jgan.tools.cli.TrainCommand;

/**
 * Checks an experiment cell's train and eval arguments exactly as {@code jgan train} and
 * {@code jgan eval} would read them, so a bad setting fails when the experiment file is read,
 * before any cell trains. One parser per command serves every cell: picocli resets each option to
 * its initial value before a parse.
 */
public final class CellCheck {
  private final Path file;
  private final TrainCommand train = new TrainCommand();
  private final CommandLine trainCli = new CommandLine(train);
  private final EvalCommand eval = new EvalCommand();
  private final CommandLine evalCli = new CommandLine(eval);

  /** A check whose errors name {@code file}. */
  public CellCheck(Path file) {
    this.file = file;
  }

  /**
   * Parses and resolves the cell's train arguments into the run's configuration; fails naming the
   * file, the cell and the flag.
   */
  RunConfig train(ExperimentFile.Cell cell) {
    List<String> args = new ArrayList<>(cell.trainArgs());
    args.addAll(List.of("--out", "unused"));
    try {
      trainCli.parseArgs(args.toArray(String[]::new));
      return train.resolve();
    } catch (ParameterException e) {
      throw new IllegalArgumentException(file + ": cell " + cell.id() + ": " + e.getMessage());
    }
  }

  /**
   * Parses the cell's eval arguments and checks their flags, that each chosen metric applies to the
   * dataset {@code run} trains on (classifier metrics need a classifier) and that the samples asked
   * for, of the run's example shape, fit in memory.
   * Whether the files they name exist is {@link #inputs}' job: a file is valid before its inputs exist.
   */
  void eval(ExperimentFile.Cell cell, RunConfig run) {
    String dataset = run.dataset();
    try {
      parseEval(cell);
      eval.checkFlags();
      if (eval.metrics != null) {
        for (String metric : eval.metrics) {
          Metrics.requireApplicable(metric, dataset, eval.classifier != null);
        }
      }
      if (eval.count != null) {
        GeneratedSamples.requireFits(eval.count, run.exampleShape());
      }
    } catch (ParameterException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": cell " + cell.id() + ": eval: " + e.getMessage());
    }
  }

  /**
   * Fails, naming the file, the cell and the flag, when a classifier folder or corpus file that a
   * cell's evaluation reads does not exist: what {@code experiment run} and {@code time} check
   * before anything runs, rather than after a cell has trained.
   */
  public void inputs(List<ExperimentFile.Cell> cells) {
    Set<List<String>> checked = new HashSet<>();
    for (ExperimentFile.Cell cell : cells) {
      if (!checked.add(cell.evalArgs())) {
        continue;
      }
      parseEval(cell);
      if (eval.classifier != null && !Files.isDirectory(eval.classifier)) {
        throw new IllegalArgumentException(file + ": cell " + cell.id() + ": eval: --classifier " + eval.classifier
            + ": no such folder (train one with jgan classifier train)");
      }
      if (eval.corpus != null && !Files.isRegularFile(eval.corpus)) {
        throw new IllegalArgumentException(file + ": cell " + cell.id() + ": eval: --corpus " + eval.corpus
            + ": no such file");
      }
    }
  }

  private void parseEval(ExperimentFile.Cell cell) {
    List<String> args = new ArrayList<>(List.of("--checkpoint", "unused"));
    args.addAll(cell.evalArgs());
    evalCli.parseArgs(args.toArray(String[]::new));
  }
}
