package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.tools.experiment.ExperimentStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan experiment status DIR}: where each cell of an experiment folder stands. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Print where each cell of an experiment folder stands, from its files alone (while a sweep runs,",
        "or after it stopped): complete, running (with its step, speed and time left), stopped part-way (the step",
        "it reached and the checkpoint the next sweep resumes from), trained but not evaluated, or not started."})
public final class ExperimentStatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "experiment folder (the --out of jgan experiment run)")
  Path dir;

  @Option(names = "--quick", description = "the cells of the quick-scale sweep in that folder (default: the full scale's, "
      + "or the quick one's when only it ran there)")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    spec.commandLine().getOut().print(ExperimentStatus.read(dir, quick).render());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
