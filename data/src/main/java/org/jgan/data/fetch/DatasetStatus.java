package org.jgan.data.fetch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a data folder holds of one dataset.
 *
 * @param dataset the dataset
 * @param state missing, incomplete, corrupt or verified
 * @param bytes the size on disk of the files present
 * @param sources the distinct URLs (folders) the files came from, as recorded on fetch; empty when
 *     unknown (files put there by hand)
 * @param problems one line per missing, corrupt or unverifiable file, naming it
 * @param corruptFiles the files present whose digest is wrong or cannot be checked
 */
public record DatasetStatus(KnownDataset dataset, State state, long bytes, List<String> sources, List<String> problems,
    List<Path> corruptFiles) {
  /** How usable the dataset is. */
  public enum State {
    /** None of its files are there. */
    MISSING,
    /** Some files are there, all of them right, others are missing. */
    INCOMPLETE,
    /** A file is there whose digest is wrong (or cannot be checked). */
    CORRUPT,
    /** Every file is there with the right digest. */
    VERIFIED
  }

  /** Copies the lists. */
  public DatasetStatus {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
    corruptFiles = List.copyOf(corruptFiles);
  }
}
