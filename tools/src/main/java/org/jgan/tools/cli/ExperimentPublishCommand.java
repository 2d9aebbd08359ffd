package org.jgan.tools.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jgan.tools.experiment.ResultPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jgan experiment publish DIR --out docs/results/NAME}: an experiment's small result files, for committing. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Copy each complete cell's small files (cell.json, result.json, run/config.json, run/timing.json,",
        "run/log.jsonl) into --out, from which table, correlate, figures' loss plots and docs regenerate everything;",
        "never checkpoints, TensorBoard files or pictures. Cells without a result are listed, not copied."})
public final class ExperimentPublishCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "experiment folder (jgan experiment run --out)")
  Path dir;

  @Option(names = "--out", required = true, description = "folder to copy into, such as docs/results/NAME")
  Path out;

  @Option(names = "--without-logs", description = "leave out run/log.jsonl (long runs' logs; correlate needs them)")
  boolean withoutLogs;

  @Override
  public Integer call() throws Exception {
    ResultPublisher.Report report = ResultPublisher.publish(dir, out, !withoutLogs);
    var console = spec.commandLine().getOut();
    console.println("published " + report.published().size() + " cells (" + report.files() + " files) into " + out);
    for (String cell : report.incomplete()) {
      console.println("not complete, not published: " + cell);
    }
    console.flush();
    return 0;
  }
}
