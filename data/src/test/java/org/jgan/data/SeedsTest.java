package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void mixIsTheSplitMix64Finaliser() {
    // SplitMix64 seeded with 0 first outputs mix(0x9e3779b97f4a7c15) = 16294208416658607535
    // (the published reference value, 0xe220a8397b1dcdaf).
    assertEquals(0xe220a8397b1dcdafL, Seeds.mix(0x9e3779b97f4a7c15L));
    assertEquals(0L, Seeds.mix(0L));
    // With no parts, derive is exactly that first SplitMix64 output for the seed.
    assertEquals(0xe220a8397b1dcdafL, Seeds.derive(0L));
  }

  @Test
  void deriveIsDeterministic() {
    assertEquals(Seeds.derive(17, 3, 4), Seeds.derive(17, 3, 4));
    assertEquals(Seeds.derive(17, "data"), Seeds.derive(17, "data"));
  }

  @Test
  void deriveIsDistinctForDistinctInputs() {
    Set<Long> seen = new HashSet<>();
    int count = 0;
    for (long seed = -5; seed < 45; seed++) {
      for (long part = -5; part < 95; part++) {
        assertTrue(seen.add(Seeds.derive(seed, part)), "collision at seed " + seed + " part " + part);
        count++;
      }
    }
    assertEquals(5000, count);
    // Order, arity and the stream name all matter.
    assertNotEquals(Seeds.derive(1, 2, 3), Seeds.derive(1, 3, 2));
    assertNotEquals(Seeds.derive(1, 2), Seeds.derive(1, 2, 0));
    assertNotEquals(Seeds.derive(1), Seeds.derive(1, 0));
    assertNotEquals(Seeds.derive(1, "data"), Seeds.derive(1, "graph"));
    assertNotEquals(Seeds.derive(1, "data"), Seeds.derive(2, "data"));
    assertNotEquals(Seeds.derive(1, "ab"), Seeds.derive(1, "ba"));
  }

  /**
   * derive(seed, part) must not be symmetric: a run with seed 3 must not see, at epoch or batch
   * index 5, the stream a run with seed 5 sees at index 3.
   */
  @Test
  void deriveIsNotSymmetricInSeedAndPart() {
    assertNotEquals(Seeds.derive(3, 5), Seeds.derive(5, 3));
    assertNotEquals(Seeds.derive(1, 2), Seeds.derive(2, 1));
  }

  /** Batch index i of a run with seed i must not be the same stream for every seed. */
  @Test
  void deriveOfEqualSeedAndPartDependsOnTheSeed() {
    assertNotEquals(Seeds.derive(1, 1), Seeds.derive(2, 2));
    assertNotEquals(Seeds.derive(42, 42), Seeds.derive(7, 7));
  }

  @Test
  void derivedSeedsLookRandom() {
    // Consecutive parts should flip about half of the 64 bits (avalanche).
    long flips = 0;
    int n = 1000;
    for (int i = 0; i < n; i++) {
      flips += Long.bitCount(Seeds.derive(7, i) ^ Seeds.derive(7, i + 1));
    }
    assertEquals(32.0, (double) flips / n, 1.0);
  }
}
