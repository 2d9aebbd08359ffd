package org.jgan.graphs;

/**
 * The replica ("tower") of a model that a {@link GraphContext} is building.
 *
 * @param index the tower, 0 to count - 1
 * @param count how many towers the graph holds
 * @param firstRandomOp the number of random ops built before tower 0; every tower numbers its own from there
 * @param device the device the tower's ops (its gradients included) are placed on, as TensorFlow
 *     writes it, or null when left to TensorFlow
 */
public record TowerScope(int index, int count, int firstRandomOp, String device) {
  /** Whether this is the last tower, the one whose build applies the averaged gradients. */
  public boolean last() {
    return index == count - 1;
  }
}
