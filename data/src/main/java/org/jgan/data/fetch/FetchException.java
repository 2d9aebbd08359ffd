package org.jgan.data.fetch;

/** No mirror could deliver a file (network failures, HTTP errors): a runtime failure, not bad input. */
public class FetchException extends RuntimeException {
  /** A failure whose message names the file and each mirror's reason. */
  public FetchException(String message) {
    super(message);
  }
}
