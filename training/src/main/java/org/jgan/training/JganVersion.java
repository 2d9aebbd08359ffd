package org.jgan.training;

/** The version of jgan, recorded in what it writes (run configurations, exported models, evaluations). */
public final class JganVersion {
  /** The release this build is. */
  public static final String VERSION = "0.1.0";

  private JganVersion() {}
}
