package org.jgan.eval.metric;

import java.util.Set;

/**
 * A metric of image samples read through the metric classifier (its logits or features): what the
 * Inception score, FID, KID and the EBGAN score have in common; each keeps its headlines and its
 * formula.
 */
public abstract class ClassifierImageMetric implements Metric {
  private final String name;

  /** A classifier metric called {@code name}. */
  protected ClassifierImageMetric(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  /** Images only: the classifier reads images. */
  @Override
  public final Set<DataKind> dataKinds() {
    return Set.of(DataKind.IMAGES);
  }

  /** Always: the metric is computed on the classifier's outputs. */
  @Override
  public final boolean needsClassifier() {
    return true;
  }
}
