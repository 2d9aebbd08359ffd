package org.jgan.training;

/**
 * Training diverged: a phase's scalar (its loss, say) or a network's weights became NaN or
 * infinite. The trainer stops at once and never saves such weights, so the store's latest
 * checkpoint is the last finite one; the trainer's own variables are no longer usable.
 */
public final class NonFiniteTrainingException extends RuntimeException {
  private final long step;
  private final String phase;
  private final String quantity;

  /**
   * @param step the generator iteration (counted from 1, as logged) during which it happened
   * @param phase the phase that ran (or whose network holds the weights)
   * @param quantity the scalar's name ({@code "loss"}, ...) or {@code "weights"}
   * @param detail what was found, e.g. "is NaN"
   */
  public NonFiniteTrainingException(long step, String phase, String quantity, String detail) {
    this("training diverged at step " + step + ": " + phase + "/" + quantity + " " + detail, step, phase, quantity);
  }

  private NonFiniteTrainingException(String message, long step, String phase, String quantity) {
    super(message);
    this.step = step;
    this.phase = phase;
    this.quantity = quantity;
  }

  /** The same failure with {@code note} (what was kept, what to do) added to its message. */
  public NonFiniteTrainingException withNote(String note) {
    return new NonFiniteTrainingException(getMessage() + "; " + note, step, phase, quantity);
  }

  /** The generator iteration, counted from 1, during which the value became non-finite. */
  public long step() {
    return step;
  }

  /** The phase whose scalar or network it was. */
  public String phase() {
    return phase;
  }

  /** The scalar's name, or {@code "weights"}. */
  public String quantity() {
    return quantity;
  }
}
