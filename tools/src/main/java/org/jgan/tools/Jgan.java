package org.jgan.tools;

import java.io.PrintWriter;
import org.jgan.data.DataException;
import org.jgan.training.NonFiniteTrainingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.jgan.tools.cli.BenchCommand;
import org.jgan.tools.cli.ClassifierCommand;
import org.jgan.tools.cli.DataCommand;
import org.jgan.tools.cli.EvalCommand;
import org.jgan.tools.cli.ExperimentCommand;
import org.jgan.tools.cli.ExportCommand;
import org.jgan.tools.run.ParentWatch;
import org.jgan.tools.cli.SampleCommand;
import org.jgan.tools.cli.ServerCommand;
import org.jgan.tools.cli.TrainCommand;

/** The {@code jgan} command line: train, export, sample, bench. */
@Command(name = "jgan", mixinStandardHelpOptions = true, version = "jgan " + Jgan.VERSION,
    description = "Train, sample, evaluate and export generative adversarial networks (TensorFlow Java).",
    subcommands = {TrainCommand.class, SampleCommand.class, EvalCommand.class, ExportCommand.class, ExperimentCommand.class,
        ClassifierCommand.class,
        DataCommand.class,
        BenchCommand.class,
        ServerCommand.class})
public final class Jgan implements Runnable {
  public static final String VERSION = org.jgan.training.JganVersion.VERSION;
  /** Set to 1, a failed command's line is followed by its exception's stack trace. */
  public static final String STACK_TRACE_VARIABLE = "JGAN_STACKTRACE";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    ParentWatch.startFromEnvironment(err);
    System.exit(run(args, new PrintWriter(System.out, true), err));
  }

  /**
   * Runs the command line and returns its exit code: 0 success, 2 bad input (flags, files,
   * names), 1 any other failure. Every error is one line on {@code err}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, "1".equals(System.getenv(STACK_TRACE_VARIABLE)));
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}; {@code trace}: follow a failure's line with its stack trace. */
  static int run(String[] args, PrintWriter out, PrintWriter err, boolean trace) {
    CommandLine cli = new CommandLine(new Jgan());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, a) -> {
      String command = qualified(e.getCommandLine());
      err.println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(qualified(commandLine), e, err, trace));
    return cli.execute(args);
  }

  /**
   * Reports command {@code command}'s failure {@code e} on {@code err} in one line and returns the exit
   * code: 2 for bad input, 1 for any other failure. With {@code trace} the stack trace follows the line
   * (an internal fault that happens to be an IllegalArgumentException can then be told from bad input);
   * without it, a failure nobody foresaw says how to get it.
   */
  static int report(String command, Exception e, PrintWriter err, boolean trace) {
    boolean badInput = e instanceof IllegalArgumentException || e instanceof DataException;
    // A diverged run's or a lost cluster task's message is the whole story; other failures need their exception's name.
    boolean told = e instanceof NonFiniteTrainingException || e instanceof org.jgan.training.ClusterFailureException;
    if (badInput) {
      err.println(command + ": error: " + e.getMessage());
    } else if (told) {
      err.println(command + ": failed: " + e.getMessage());
    } else {
      err.println(command + ": failed: " + e + (trace ? "" : " (" + STACK_TRACE_VARIABLE + "=1 prints where)"));
    }
    if (trace) {
      e.printStackTrace(err);
    }
    err.flush();
    return badInput ? 2 : 1;
  }

  private static String qualified(CommandLine commandLine) {
    return commandLine.getParent() == null ? commandLine.getCommandName()
        : qualified(commandLine.getParent()) + " " + commandLine.getCommandName();
  }
}
