package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jgan.data.ToyDistribution;
import org.jgan.tools.figures.FigureFormat;
import org.jgan.training.DataSeeds;
import org.jgan.training.GeneratorGraph;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.tools.run.GeneratedSamples;
import org.jgan.tools.run.Memory;
import org.jgan.tools.evaluation.NpyWriter;
import org.jgan.tools.run.Pictures;
import org.jgan.tools.run.RunFigures;
import org.jgan.tools.run.SampleStream;
import org.jgan.tools.figures.Picture;

/** {@code jgan sample}: draws generator samples into a {@code .npy} file and, optionally, a picture. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {"Draw samples from a run's latest checkpoint or an exported model into a float32 .npy file",
        "([N, H, W, C] images in [0, 1], or [N, 2] raw points for 2-D sets). The same --seed gives the",
        "same samples from a run and from its exported model (z is drawn in the graph with key [seed, 0]).",
        "Samples are drawn " + GeneratorGraph.SAMPLES_PER_RUN + " per session run and streamed into the file,"
            + " so any --n that fits on disk works."})
public final class SampleCommand implements Callable<Integer> {
  /** At most this many images go into the --png grid. */
  static final int MAX_GRID = 256;
  /** At most this many points (the first drawn) go into the --png scatter plot. */
  static final int MAX_SCATTER = 10_000;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  GeneratorSource source;

  @Mixin
  CheckpointStep step;

  @Option(names = "--n", defaultValue = "64", description = "number of samples (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--out", required = true, description = ".npy file to write")
  Path out;

  @Option(names = "--png", description = "also write a picture: a grid of the first " + MAX_GRID
      + " images, or a scatter plot of the first " + MAX_SCATTER + " points for 2-D sets")
  Path png;

  @Option(names = "--seed", defaultValue = "0", description = "sampling seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--figure-format", defaultValue = "png", description = FigureFormat.HELP
      + "; only the 2-D scatter plot gets a vector copy (an image grid is pixels)")
  String figureFormat;

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "--n must be at least 1, got " + count);
    }
    FigureFormat format = FigureFormat.parse(figureFormat, "--figure-format");
    long[] shape;
    Picture picture;
    step.requireCheckpoint(spec, source.checkpoint);
    try (SampleStream stream = source.checkpoint != null
        ? SampleStream.ofCheckpoint(source.checkpoint, step.value(), spec.commandLine().getErr()::println)
        : SampleStream.ofModel(source.model)) {
      shape = GeneratedSamples.shape(count, stream.exampleShape());
      requireDiskSpace(shape);
      picture = new Picture(stream, png == null ? 0 : Math.min(count, stream.images() ? MAX_GRID : MAX_SCATTER));
      // Streamed chunk by chunk into the file: memory stays bounded whatever --n is.
      try (NpyWriter writer = NpyWriter.create(out, shape)) {
        stream.draw(count, seed, GeneratorGraph.SAMPLES_PER_RUN, rows -> {
          writer.append(rows);
          picture.keep(rows);
        });
        writer.commit();
      }
    }
    if (png != null) {
      picture.write(format);
    }
    spec.commandLine().getOut().println("wrote " + count + " samples " + Arrays.toString(shape) + " to " + out
        + (png != null ? " and " + png : ""));
    return 0;
  }

  /** Fails, naming --n, when the .npy file would not fit in the free space of its folder. */
  private void requireDiskSpace(long[] shape) throws java.io.IOException {
    Path folder = java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    long free = java.nio.file.Files.getFileStore(folder).getUsableSpace();
    long needed = NpyWriter.fileSize(shape);
    if (needed > free) {
      throw new ParameterException(spec.commandLine(), "--n " + count + ": the .npy file would take "
          + Memory.format(needed) + ", more than the " + Memory.format(free) + " free in " + folder);
    }
  }

  /** The first samples drawn, kept for the --png picture. */
  private final class Picture {
    private final SampleStream stream;
    private final float[] kept;
    private int filled;

    Picture(SampleStream stream, int samples) {
      this.stream = stream;
      this.kept = new float[samples * stream.exampleSize()];
    }

    void keep(float[] rows) {
      int n = Math.min(rows.length, kept.length - filled);
      System.arraycopy(rows, 0, kept, filled, n);
      filled += n;
    }

    void write(FigureFormat format) throws java.io.IOException {
      java.nio.file.Files.createDirectories(png.toAbsolutePath().getParent());
      int shown = kept.length / stream.exampleSize();
      if (stream.images()) {
        int[] s = stream.exampleShape();
        Pictures.grid(png, kept, shown, s[0], s[1], s[2], 0f, 1f);
      } else {
        ToyDistribution toy = ToyDistribution.byId(stream.dataset());
        float[] real = toy.sample(new SplittableRandom(DataSeeds.plot(seed)), shown);
        RunFigures.writeToyScatter(png, shown + " samples (seed " + seed + ") on " + stream.dataset(), toy, real, kept,
            "samples", format);
      }
    }
  }
}
