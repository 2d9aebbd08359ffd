package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
  @Test
  void tiesShareTheMeanOfTheirRanks() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {10, 20, 20, 30}));
    assertArrayEquals(new double[] {3, 1, 3, 3}, RankCorrelation.ranks(new double[] {5, -1, 5, 5}));
  }

  /**
   * By hand: x = (10, 20, 20, 30) ranks (1, 2.5, 2.5, 4), y = (3, 1, 2, 4) ranks (3, 1, 2, 4);
   * centred on 2.5: dx = (-1.5, 0, 0, 1.5), dy = (0.5, -1.5, -0.5, 1.5); sum dx dy = 1.5,
   * sum dx^2 = 4.5, sum dy^2 = 5, so rho = 1.5 / sqrt(22.5) = 1 / sqrt(10). The textbook
   * shortcut 1 - 6 sum d^2 / (n (n^2 - 1)) = 0.4 is wrong with ties, which is what this checks.
   */
  @Test
  void spearmanWithTiesIsPearsonOfTheRanks() {
    double rho = RankCorrelation.spearman(new double[] {10, 20, 20, 30}, new double[] {3, 1, 2, 4});
    assertEquals(1 / Math.sqrt(10), rho, 1e-12);
  }

  @Test
  void monotoneSeriesCorrelatePerfectlyWhateverTheirShape() {
    double[] steps = {1, 2, 3, 4, 5};
    assertEquals(1.0, RankCorrelation.spearman(steps, new double[] {0.1, 5, 7, 100, 1e6}), 1e-12);
    assertEquals(-1.0, RankCorrelation.spearman(steps, new double[] {9, 4, 1, 0, -3}), 1e-12);
  }

  @Test
  void constantSeriesHasNoCorrelationAndBadInputIsRefused() {
    assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {2, 2, 2})));
    assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1, 2}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}));
  }
}
