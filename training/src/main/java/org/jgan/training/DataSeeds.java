package org.jgan.training;

import org.jgan.data.Seeds;

/**
 * The seeds of a run's data streams, each derived from the run seed by its own name, so that one
 * stream (the plot's reference points, say) never shifts another (the training batches).
 */
public final class DataSeeds {
  private DataSeeds() {}

  /** The seed of the training batches' order (and, for the 2-D sets, of the points drawn). */
  public static long training(long runSeed) {
    return Seeds.derive(runSeed, "data");
  }

  /** The seed of the real points a 2-D run's scatter plot draws beside its samples. */
  public static long plot(long runSeed) {
    return Seeds.derive(runSeed, "plot");
  }
}
