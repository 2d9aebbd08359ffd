package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.OptionalLong;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --step N}: which of a run's checkpoints {@code eval} and {@code sample} read (default: the newest). */
public final class CheckpointStep {
  @Option(names = "--step", paramLabel = "N", description = "with --checkpoint: the run's checkpoint of generator"
      + " iteration N (checkpoints/step-N, kept by --checkpoint-every) instead of its newest")
  Long step;

  /** The step asked for, or empty for the newest checkpoint. */
  public OptionalLong value() {
    return step == null ? OptionalLong.empty() : OptionalLong.of(step);
  }

  /** Refuses {@code --step} without {@code --checkpoint} (an exported model has one step) and a negative one. */
  public void requireCheckpoint(CommandSpec spec, Path checkpoint) {
    if (step != null && checkpoint == null) {
      throw new ParameterException(spec.commandLine(), "--step " + step + " needs --checkpoint RUN (an exported model"
          + " holds one generator)");
    }
    if (step != null && step < 0) {
      throw new ParameterException(spec.commandLine(), "--step must be at least 0, got " + step);
    }
  }

  /** How results name the source: the run folder, and the step when one was asked for. */
  public String describe(Path checkpoint) {
    return step == null ? checkpoint.toString() : checkpoint + " step " + step;
  }
}
