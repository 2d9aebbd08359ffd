package org.jgan.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan export}: writes a run's generator as a SavedModel for TensorFlow Serving. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export the generator of a run's latest checkpoint as a SavedModel (tag 'serve').",
        "Signatures: serving_default (z float32 [-1, zDim] -> images) and generate (count int32,",
        "seed int64 -> images). Images are in [0, 1]; 2-D toy sets give raw points. Writes jgan.json beside it.",
        "Each export is a new numbered version folder of --out (1/, 2/, ...), TensorFlow Serving's layout."})
final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--checkpoint", required = true, description = "run folder (holding config.json and checkpoints/)")
  Path checkpoint;

  @Option(names = "--out", required = true, description = "model base folder: the export goes into its next numbered version folder")
  Path out;

  @Override
  public Integer call() throws Exception {
    try (RunGenerator generator = RunGenerator.open(checkpoint, spec.commandLine().getErr()::println)) {
      Path version = generator.export(out);
      spec.commandLine().getOut().println("exported " + generator.config().objective() + " generator of " + checkpoint
          + " at step " + generator.step() + " to " + version);
    }
    return 0;
  }
}
