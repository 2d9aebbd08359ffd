package org.jgan.graphs;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A layer that can also read one-hot input given as category indices, without the caller making
 * the one-hot tensor: {@code applyToCategories(c, categories, k)} equals
 * {@code apply(c, oneHot(categories, k))} up to float summation order, with the same variables.
 */
public interface CategoricalInput extends Layer {
  /**
   * Applies the layer to the one-hot form of {@code categories} [N, ...] (each in [0, k)), whose
   * one-hot form is [N, ..., k].
   */
  Operand<TFloat32> applyToCategories(LayerContext context, Operand<TInt32> categories, int k);
}
