package org.jgan.eval.classifier;

import java.util.List;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Conv2d;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Dropout;
import org.jgan.graphs.Initializer;

/**
 * The small CNN behind the score-based metrics: four 3x3 convolutions (two with stride 2) and a
 * 128-unit feature layer, then a linear layer to class logits.
 */
public final class ClassifierNetworks {
  /** Units in the feature layer (the FID/KID embedding). */
  public static final int FEATURES = 128;

  private ClassifierNetworks() {}

  /** Images [N, H, W, C] to features [N, 128] (ReLU). */
  public static List<Layer> featureLayers() {
    return List.of(
        conv(32, 1), Activation.relu(),
        conv(32, 2), Activation.relu(),
        conv(64, 1), Activation.relu(),
        conv(64, 2), Activation.relu(),
        new Dropout(0.25f),
        new Dense(FEATURES), Activation.relu());
  }

  /** Features to logits over {@code classes}. */
  public static List<Layer> headLayers(int classes) {
    return List.of(new Dropout(0.3f), new Dense(classes));
  }

  private static Conv2d conv(int filters, int stride) {
    return new Conv2d(filters, 3, stride, Initializer.glorotUniform(), true);
  }
}
