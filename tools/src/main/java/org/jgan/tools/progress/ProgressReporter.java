package org.jgan.tools.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The one progress reporter every long command shares (training, evaluation, classifier training,
 * experiment sweeps, downloads): done/total, rate and time left. On a terminal a task redraws one
 * line in place a few times a second; elsewhere (logs, pipes, CI) it prints a plain line at each
 * tenth of the work; quiet, it prints nothing.
 */
public final class ProgressReporter {
  /** How progress is shown. */
  public enum Mode {
    /** One line redrawn in place (carriage return), at most four times a second. */
    TERMINAL,
    /** A plain line at the start, at each tenth of the work and at the end. */
    LOG,
    /** Nothing. */
    QUIET
  }

  /** A terminal line is redrawn at most this often, so a fast loop does not spend its time printing. */
  static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter out;
  private final Mode mode;
  private final LongSupplier clock;

  /**
   * A reporter writing to {@code out} in {@code mode}, timing with {@code clock} (nanoseconds, as
   * {@link System#nanoTime()}; tests pass a fake one).
   */
  public ProgressReporter(PrintWriter out, Mode mode, LongSupplier clock) {
    this.out = out;
    this.mode = mode;
    this.clock = clock;
  }

  /**
   * The reporter for a command's console: nothing when {@code quiet}, a redrawn line when this
   * process has a terminal, plain log lines otherwise.
   */
  public static ProgressReporter forConsole(PrintWriter out, boolean quiet) {
    Mode mode = quiet ? Mode.QUIET : System.console() != null ? Mode.TERMINAL : Mode.LOG;
    return new ProgressReporter(out, mode, System::nanoTime);
  }

  /** A reporter that prints nothing. */
  public static ProgressReporter quiet() {
    return new ProgressReporter(new PrintWriter(PrintWriter.nullWriter()), Mode.QUIET, System::nanoTime);
  }

  /** This reporter's mode. */
  public Mode mode() {
    return mode;
  }

  /**
   * Starts a task of {@code total} units (negative: unknown), {@code startedAt} of them already done
   * before this process began (a resumed run: the rate counts only this process's work).
   */
  public ProgressTask start(String label, long startedAt, long total, ProgressUnit unit) {
    ProgressTask task = new ProgressTask(this, label, startedAt, total, unit, clock.getAsLong());
    task.show(startedAt, "", true);
    return task;
  }

  long now() {
    return clock.getAsLong();
  }

  void print(String line, boolean last) {
    switch (mode) {
      case TERMINAL -> {
        out.print("\r" + line + "   ");
        if (last) {
          out.println();
        }
      }
      case LOG -> out.println(line);
      case QUIET -> {
        return;
      }
    }
    out.flush();
  }
}
