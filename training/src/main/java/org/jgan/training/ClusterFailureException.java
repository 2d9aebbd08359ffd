package org.jgan.training;

/**
 * A cluster run failed because a task stopped or cannot be reached; the message names the task
 * where it can and is the whole story (no exception name needed).
 */
public final class ClusterFailureException extends RuntimeException {
  /** A failure described by {@code message}, caused by TensorFlow's error {@code cause}. */
  public ClusterFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
