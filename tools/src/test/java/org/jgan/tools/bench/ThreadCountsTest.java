package org.jgan.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadCountsTest {
  /** oneDNN's kernels split work for at most the first session's count, so the largest count starts first. */
  @Test
  void theLargestCountStartsFirst() {
    assertEquals(List.of(1, 0), ThreadCounts.creationOrder(List.of(1, 2)));
    assertEquals(List.of(0, 1), ThreadCounts.creationOrder(List.of(2, 1)));
    assertEquals(List.of(2, 0, 3, 1), ThreadCounts.creationOrder(List.of(2, 1, 4, 2)), "ties keep their order");
  }
}
