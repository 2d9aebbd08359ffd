package org.jgan.data;

import java.util.SplittableRandom;

/**
 * Epochs over a finite set of examples (in memory or memory-mapped), each in a fresh seeded permutation; the remainder that does not
 * fill a batch is dropped in each epoch.
 */
public final class ShuffledBatches implements BatchSource {
  private final Examples data;
  private final int batchSize;
  private final long seed;
  private final int batchesPerEpoch;
  private long cachedEpoch = -1;
  private int[] permutation;

  /** Batches of {@code batchSize} from {@code data}, each epoch in a permutation seeded by (seed, epoch). */
  public ShuffledBatches(Examples data, int batchSize, long seed) {
    if (batchSize <= 0 || batchSize > data.size()) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be in [1, " + data.size()
          + "] for " + data.name());
    }
    this.data = data;
    this.batchSize = batchSize;
    this.seed = seed;
    this.batchesPerEpoch = data.size() / batchSize;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int[] exampleShape() {
    return data.exampleShape();
  }

  @Override
  public void fill(long index, float[] destination) {
    long epoch = index / batchesPerEpoch;
    int start = (int) (index % batchesPerEpoch) * batchSize;
    int[] order = permutation(epoch);
    int n = data.exampleSize();
    for (int i = 0; i < batchSize; i++) {
      data.copyExample(order[start + i], destination, i * n);
    }
  }

  /** The examples the batches are drawn from. */
  public Examples examples() {
    return data;
  }

  /**
   * Writes the positions in {@link #examples()} of batch {@code index}'s examples, in batch order,
   * into {@code destination} from {@code offset}: the batch {@link #fill} copies, by reference.
   */
  public void indices(long index, int[] destination, int offset) {
    long epoch = index / batchesPerEpoch;
    int start = (int) (index % batchesPerEpoch) * batchSize;
    System.arraycopy(permutation(epoch), start, destination, offset, batchSize);
  }

  private int[] permutation(long epoch) {
    if (epoch != cachedEpoch) {
      int[] p = new int[data.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = i;
      }
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, epoch));
      for (int i = p.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      permutation = p;
      cachedEpoch = epoch;
    }
    return permutation;
  }
}
