package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The classifier metrics' one log-softmax, against the definition and at logits float exp cannot hold. */
class LogSoftmaxTest {
  @Test
  void moderateLogitsGiveTheLogOfTheirSoftmax() {
    float[] logits = {2f, 0f, -1f, 0.5f};
    double sum = 0;
    for (float v : logits) {
      sum += Math.exp(v);
    }
    double[] log = LogSoftmax.of(logits);
    for (int k = 0; k < logits.length; k++) {
      assertEquals(Math.log(Math.exp(logits[k]) / sum), log[k], 1e-12, "class " + k);
    }
  }

  @Test
  void extremeLogitsStayFiniteAndNormalised() {
    // exp(1000) overflows a double; a float softmax would give the other class exactly 0.
    double[][] rows = LogSoftmax.rows(new float[][] {{1000f, 0f}, {-1000f, -1000f}});
    assertEquals(0, rows[0][0], 1e-12);
    assertEquals(-1000, rows[0][1], 1e-9);
    assertEquals(Math.log(0.5), rows[1][0], 1e-12);
    for (double[] row : rows) {
      double total = 0;
      for (double v : row) {
        assertTrue(Double.isFinite(v), "log-probability " + v);
        total += Math.exp(v);
      }
      assertEquals(1, total, 1e-12);
    }
  }
}
