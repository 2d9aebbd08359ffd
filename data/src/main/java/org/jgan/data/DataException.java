package org.jgan.data;

/** A dataset could not be read or is malformed; the message always names the file or dataset. */
public class DataException extends RuntimeException {
  /** An error whose message names the file or dataset. */
  public DataException(String message) {
    super(message);
  }

  /** An error whose message names the file or dataset. */
  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
