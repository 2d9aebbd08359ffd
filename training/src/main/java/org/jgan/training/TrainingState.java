package org.jgan.training;

import java.util.Properties;

/**
 * Where a run is: generator iterations done, session runs done (each run's random seed is its
 * index) and real batches consumed (each batch is addressed by its index). Saved with every
 * checkpoint, it is all a resumed run needs to continue exactly where it stopped.
 */
public record TrainingState(long iteration, long runs, long batches) {
  public static final TrainingState START = new TrainingState(0, 0, 0);

  /** The state as checkpoint properties. */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("iteration", Long.toString(iteration));
    p.setProperty("runs", Long.toString(runs));
    p.setProperty("batches", Long.toString(batches));
    return p;
  }

  /** The state saved in checkpoint properties; fails naming a missing or malformed key. */
  public static TrainingState fromProperties(Properties p) {
    return new TrainingState(read(p, "iteration"), read(p, "runs"), read(p, "batches"));
  }

  private static long read(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("checkpoint state has no '" + key + "'");
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("checkpoint state: '" + key + "' is not a whole number ('" + value + "')");
    }
  }
}
