package org.jgan.losses;

/** An option set for an objective that does not read it; the message names the flag and the objective. */
public final class OptionNotTakenException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  OptionNotTakenException(String message) {
    super(message);
  }
}
