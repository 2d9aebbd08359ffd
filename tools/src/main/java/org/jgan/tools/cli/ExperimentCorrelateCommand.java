package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.tools.experiment.LossQualityCorrelation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jgan experiment correlate DIR}: does each run's loss track its sample quality (the WGAN paper's claim)? */
@Command(name = "correlate", mixinStandardHelpOptions = true,
    description = {"Print, per run of an experiment folder (or for one run folder), Spearman's rank correlation between",
        "the training loss and the quality probe logged by --quality-every, over training; beside it, rho against the",
        "quantity the WGAN paper plots for the run's objective (wgan, wgan-gp: the EM estimate as logged; gan, gan-ns:",
        "1/2 L + log 2, which falls as the logged discriminator loss rises, so its rho has the opposite sign)."})
public final class ExperimentCorrelateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "experiment folder, or a run folder holding log.jsonl")
  Path dir;

  @Option(names = "--loss", description = "logged loss to correlate (default: the first present of critic/wasserstein_estimate,"
      + " discriminator/loss, simultaneous/loss)")
  String loss;

  @Option(names = "--quality", description = "logged quality probe (default: the run's first quality/... scalar)")
  String quality;

  @Override
  public Integer call() throws Exception {
    spec.commandLine().getOut().print(LossQualityCorrelation.table(dir, loss, quality));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
