package org.jgan.training.export;

import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelRange;

/**
 * What an exported generator was trained on, which the model's {@code jgan.json} records and its
 * outputs follow: the dataset's name, and for images the range their pixels were scaled to. A
 * generator of [-1, 1] images is exported with its outputs mapped to [0, 1]; 2-D points are
 * exported as they are.
 *
 * @param dataset the dataset's name ({@code jgan sample} and {@code jgan eval} pick metrics and
 *     reference data by it)
 * @param pixelRange the range the training images were scaled to; null for raw points
 */
public record TrainedOn(String dataset, PixelRange pixelRange) {
  public TrainedOn {
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("an exported model needs the name of the dataset it was trained on");
    }
  }

  /** Raw points (the 2-D toy sets): exported unmapped, output range unbounded. */
  public static TrainedOn points(String dataset) {
    return new TrainedOn(dataset, null);
  }

  /** Images scaled to {@code range} in training: exported in [0, 1]. */
  public static TrainedOn images(String dataset, PixelRange range) {
    if (range == null) {
      throw new IllegalArgumentException("images need the pixel range they were trained in");
    }
    return new TrainedOn(dataset, range);
  }

  /** A dataset jgan knows by name: raw points for the toy sets, else images scaled to {@code range}. */
  public static TrainedOn named(String dataset, PixelRange range) {
    return NamedDatasets.isToy(dataset) ? points(dataset) : images(dataset, range);
  }

  /** True for raw points, false for images. */
  public boolean points() {
    return pixelRange == null;
  }

  /** Whether the generator's [-1, 1] outputs are mapped to [0, 1] on export. */
  public boolean mapsToUnitRange() {
    return pixelRange == PixelRange.MINUS_ONE_ONE;
  }
}
