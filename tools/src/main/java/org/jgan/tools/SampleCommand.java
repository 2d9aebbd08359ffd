package org.jgan.tools;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jgan.data.Seeds;
import org.jgan.data.ToyDistribution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan sample}: draws generator samples into a {@code .npy} file and, optionally, a picture. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {"Draw samples from a run's latest checkpoint or an exported model into a float32 .npy file",
        "([N, H, W, C] images in [0, 1], or [N, 2] raw points for 2-D sets). The same --seed gives the",
        "same samples from a run and from its exported model (z is drawn in the graph with key [seed, 0])."})
final class SampleCommand implements Callable<Integer> {
  /** At most this many images go into the --png grid. */
  static final int MAX_GRID = 256;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--checkpoint", required = true, description = "run folder (its latest checkpoint)")
    Path checkpoint;

    @Option(names = "--model", required = true, description = "model folder written by jgan export")
    Path model;
  }

  @Option(names = "--n", defaultValue = "64", description = "number of samples (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--out", required = true, description = ".npy file to write")
  Path out;

  @Option(names = "--png", description = "also write a picture: an image grid, or a scatter plot for 2-D sets")
  Path png;

  @Option(names = "--seed", defaultValue = "0", description = "sampling seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "--n must be at least 1, got " + count);
    }
    GeneratedSamples samples = source.checkpoint != null
        ? GeneratedSamples.fromCheckpoint(source.checkpoint, count, seed, spec.commandLine().getErr()::println)
        : GeneratedSamples.fromModel(source.model, count, seed);
    Npy.write(out, samples.values(), samples.shape());
    if (png != null) {
      picture(samples);
    }
    spec.commandLine().getOut().println("wrote " + count + " samples " + Arrays.toString(samples.shape()) + " to " + out
        + (png != null ? " and " + png : ""));
    return 0;
  }

  private void picture(GeneratedSamples samples) throws java.io.IOException {
    java.nio.file.Files.createDirectories(png.toAbsolutePath().getParent());
    if (samples.images()) {
      int[] s = samples.exampleShape();
      int shown = Math.min(samples.count(), MAX_GRID);
      float[] first = Arrays.copyOf(samples.values(), shown * s[0] * s[1] * s[2]);
      Pictures.grid(png, first, shown, s[0], s[1], s[2], 0f, 1f);
    } else {
      float[] real = ToyDistribution.byId(samples.dataset())
          .sample(new SplittableRandom(Seeds.derive(seed, "plot")), samples.count());
      Pictures.scatter(png, real, samples.values(), 2.0);
    }
  }
}
