package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.tools.progress.ProgressReporter;
import org.jgan.tools.progress.ProgressTask;
import org.jgan.tools.progress.ProgressUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jgan.tools.run.RunGenerator;

/** {@code jgan export}: writes a run's generator as a SavedModel for TensorFlow Serving. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export the generator of a run's latest checkpoint as a SavedModel (tag 'serve').",
        "Signatures: serving_default (z float32 [-1, zDim] -> images) and generate (count int32,",
        "seed int64 -> images). Images are in [0, 1]; 2-D toy sets give raw points. Writes jgan.json beside it.",
        "Each export is a new numbered version folder of --out (1/, 2/, ...), TensorFlow Serving's layout."})
public final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--checkpoint", required = true, description = "run folder (holding config.json and checkpoints/)")
  Path checkpoint;

  @Option(names = "--out", required = true, description = "model base folder: the export goes into its next numbered version folder")
  Path out;

  @Option(names = "--quiet", description = "no progress output")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    // Two stages: restoring the checkpoint into a generator-only graph, then writing the SavedModel.
    ProgressTask progress = ProgressReporter.forConsole(spec.commandLine().getOut(), quiet)
        .start("export", 0, 2, ProgressUnit.ITEMS);
    progress.update(0, "restoring " + checkpoint);
    try (RunGenerator generator = RunGenerator.open(checkpoint, spec.commandLine().getErr()::println)) {
      progress.update(1, "writing the SavedModel");
      Path version = generator.export(out);
      progress.update(2, "done");
      spec.commandLine().getOut().println("exported " + generator.config().objective() + " generator of " + checkpoint
          + " at step " + generator.step() + " to " + version);
    }
    return 0;
  }
}
