package org.jgan.tools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.data.ToyDistribution;
import org.jgan.tools.figures.Figure;
import org.jgan.tools.figures.FigureFormat;
import org.jgan.tools.figures.FigureWriter;
import org.jgan.tools.figures.LossFigure;
import org.jgan.tools.figures.Palette;
import org.jgan.tools.figures.RunLog;
import org.jgan.tools.figures.ScatterFigure;
import org.jgan.training.RunConfig;

/** The figures of one training run: its loss curves, and for 2-D data its samples over the real mixture. */
public final class RunFigures {
  /** Half-width of the square the 2-D sets are drawn on (every mixture lies inside it). */
  public static final double TOY_EXTENT = 2.0;

  private RunFigures() {}

  /** The loss figure of the run in {@code runDir}, from its log.jsonl and config.json. */
  public static Figure losses(Path runDir, String title) throws IOException {
    Path config = RunConfig.in(runDir);
    String objective = Files.exists(config) ? RunConfig.read(config).objective() : "";
    return LossFigure.of(RunLog.read(runDir.resolve(JsonLinesLog.FILE)), title, objective);
  }

  /** Writes {@link #losses} to {@code png} (and its vector copy). */
  public static List<Path> writeLosses(Path runDir, String title, Path png, FigureFormat format) throws IOException {
    return FigureWriter.write(losses(runDir, title), png, format);
  }

  /** Samples of a 2-D generator over {@code real} points of {@code toy}, its modes marked. */
  static Figure toyScatter(String title, ToyDistribution toy, float[] real, float[] samples, String objective) {
    return ScatterFigure.of(title, real, samples, toy.modes(), TOY_EXTENT, Palette.of(objective));
  }

  /** Writes {@link #toyScatter} to {@code png} (and its vector copy). */
  public static List<Path> writeToyScatter(Path png, String title, ToyDistribution toy, float[] real, float[] samples,
      String objective, FigureFormat format) throws IOException {
    return FigureWriter.write(toyScatter(title, toy, real, samples, objective), png, format);
  }
}
