package org.jgan.eval.metric;

import org.jgan.data.NamedDatasets;
import org.jgan.data.ToyDistribution;

/** The kinds of data a metric may score; each dataset is of one kind. */
public enum DataKind {
  /** 2-D points from a mixture with modes (toy8, toy25). */
  MIXTURE,
  /** 2-D points from a distribution without modes (swissroll). */
  POINTS,
  /** Images, pixels in [0, 1]. */
  IMAGES,
  /** Character strings. */
  TEXT;

  /** The kind of the named dataset's samples. */
  public static DataKind of(String dataset) {
    if (NamedDatasets.isText(dataset)) {
      return TEXT;
    }
    if (NamedDatasets.isToy(dataset)) {
      return ToyDistribution.byId(dataset).modes().isEmpty() ? POINTS : MIXTURE;
    }
    return IMAGES;
  }
}
