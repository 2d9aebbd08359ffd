package org.jgan.graphs;

/**
 * The replica ("tower") of a model that a {@link GraphContext} is building.
 *
 * @param index the tower, 0 to count - 1
 * @param count how many towers the graph holds
 * @param firstRandomOp the number of random ops built before tower 0; every tower numbers its own from there
 */
public record TowerScope(int index, int count, int firstRandomOp) {
  /** Whether this is the last tower, the one whose build applies the averaged gradients. */
  public boolean last() {
    return index == count - 1;
  }
}
