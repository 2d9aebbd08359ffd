package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShuffledBatchesTest {
  /** n examples of shape [2]; example i is (i, 1000 + i) so each row identifies itself. */
  private static Dataset numbered(int n) {
    float[] values = new float[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      values[2 * i] = i;
      values[2 * i + 1] = 1000 + i;
      labels[i] = i % 10;
    }
    return new Dataset("numbered", new int[] {2}, values, labels);
  }

  /** The example ids in batch {@code index}, checking each row is an intact example. */
  private static int[] ids(BatchSource source, long index) {
    float[] batch = new float[source.batchSize() * source.exampleSize()];
    source.fill(index, batch);
    int[] ids = new int[source.batchSize()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) batch[2 * i];
      assertEquals(1000 + ids[i], batch[2 * i + 1], 0f, "row " + i + " of batch " + index + " is not one example");
    }
    return ids;
  }

  private static int[] epoch(BatchSource source, int batchesPerEpoch, int epoch) {
    int b = source.batchSize();
    int[] order = new int[batchesPerEpoch * b];
    for (int k = 0; k < batchesPerEpoch; k++) {
      System.arraycopy(ids(source, (long) epoch * batchesPerEpoch + k), 0, order, k * b, b);
    }
    return order;
  }

  @Test
  void eachEpochIsAPermutationWhenBatchesDivideTheData() {
    ShuffledBatches source = new ShuffledBatches(numbered(20), 5, 11);
    assertEquals(5, source.batchSize());
    assertArrayEquals(new int[] {2}, source.exampleShape());
    int[] identity = new int[20];
    Arrays.setAll(identity, i -> i);
    int[] previous = null;
    for (int e = 0; e < 4; e++) {
      int[] order = epoch(source, 4, e);
      int[] sorted = order.clone();
      Arrays.sort(sorted);
      assertArrayEquals(identity, sorted, "epoch " + e + " is not a permutation");
      assertFalse(Arrays.equals(identity, order), "epoch " + e + " is not shuffled");
      if (previous != null) {
        assertFalse(Arrays.equals(previous, order), "epochs " + (e - 1) + " and " + e + " have the same order");
      }
      previous = order;
    }
  }

  @Test
  void remainderIsDroppedAndNoExampleRepeatsWithinAnEpoch() {
    // 23 examples, batches of 5: 4 batches per epoch, 3 examples left out of each epoch.
    ShuffledBatches source = new ShuffledBatches(numbered(23), 5, 3);
    boolean[] everSeen = new boolean[23];
    for (int e = 0; e < 30; e++) {
      int[] order = epoch(source, 4, e);
      boolean[] seen = new boolean[23];
      for (int id : order) {
        assertTrue(id >= 0 && id < 23, "id " + id);
        assertFalse(seen[id], "example " + id + " twice in epoch " + e);
        seen[id] = true;
        everSeen[id] = true;
      }
      // Batch 4 of epoch e is batch 0 of epoch e + 1, not the 3-example remainder.
      assertArrayEquals(epoch(source, 4, e + 1), epoch(source, 4, e + 1));
    }
    // A fresh shuffle per epoch means the dropped examples change: over 30 epochs all are used.
    for (int i = 0; i < 23; i++) {
      assertTrue(everSeen[i], "example " + i + " never used in 30 epochs");
    }
  }

  @Test
  void sameSeedReproducesAndDifferentSeedDiffers() {
    Dataset data = numbered(50);
    int[] a = epoch(new ShuffledBatches(data, 10, 42), 5, 2);
    int[] b = epoch(new ShuffledBatches(data, 10, 42), 5, 2);
    int[] c = epoch(new ShuffledBatches(data, 10, 43), 5, 2);
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
  }

  @Test
  void fillIsIndependentOfCallOrder() {
    Dataset data = numbered(20);
    // 4 batches per epoch: index 2 is in epoch 0, index 7 in epoch 1, so the permutation cache switches.
    ShuffledBatches first = new ShuffledBatches(data, 5, 8);
    int[] seven1 = ids(first, 7);
    int[] two1 = ids(first, 2);
    ShuffledBatches second = new ShuffledBatches(data, 5, 8);
    int[] two2 = ids(second, 2);
    int[] seven2 = ids(second, 7);
    assertArrayEquals(seven1, seven2);
    assertArrayEquals(two1, two2);
    // Jumping far ahead and back again also gives the same batches.
    ids(second, 1_000_003);
    assertArrayEquals(two1, ids(second, 2));
    assertFalse(Arrays.equals(two1, seven1));
  }

  @Test
  void rejectsBadBatchSizes() {
    Dataset data = numbered(5);
    assertThrows(IllegalArgumentException.class, () -> new ShuffledBatches(data, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ShuffledBatches(data, 6, 1));
    // A batch of the whole dataset is allowed: one batch per epoch.
    ShuffledBatches whole = new ShuffledBatches(data, 5, 1);
    int[] sorted = ids(whole, 9);
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, sorted);
  }
}
