package org.jgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetTest {
  @Test
  void sizesSlicesAndCopies() {
    float[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    Dataset d = new Dataset("d", new int[] {2, 2}, values, new int[] {7, 8, 9});
    assertEquals(4, d.exampleSize());
    assertEquals(3, d.size());
    float[] out = new float[6];
    d.copyExample(2, out, 1);
    assertArrayEquals(new float[] {0, 8, 9, 10, 11, 0}, out);
    Dataset s = d.slice(1, 3);
    assertEquals(2, s.size());
    assertArrayEquals(new float[] {4, 5, 6, 7, 8, 9, 10, 11}, s.values());
    assertArrayEquals(new int[] {8, 9}, s.labels());
  }

  @Test
  void rejectsInconsistentSizesNamingTheDataset() {
    DataException e = assertThrows(DataException.class, () -> new Dataset("odd", new int[] {2}, new float[3], null));
    assertTrue(e.getMessage().contains("odd"));
    e = assertThrows(DataException.class, () -> new Dataset("labels", new int[] {2}, new float[4], new int[3]));
    assertTrue(e.getMessage().contains("labels"));
  }
}
