package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The EBGAN paper's I' = E_x KL(p(y) || p(y|x)) against values computed by hand. */
class EbganScoreTest {
  @Test
  void twoMirroredRowsComputedByHand() {
    // p(y) = (0.5, 0.5); each row: 0.5 ln(0.5 / 0.8) + 0.5 ln(0.5 / 0.2) = 0.5 ln 1.5625 = 0.223144...
    // (the inception score's own KL of these rows, KL(p(y|x) || p(y)), is 0.192745...: the swap matters).
    EbganScore.Score score = EbganScore.fromProbabilities(new double[][] {{0.8, 0.2}, {0.2, 0.8}});
    assertEquals(0.5 * Math.log(1.5625), score.score(), 1e-12);
    assertEquals(0.2231435513, score.score(), 1e-9);
    assertEquals(2, score.samples());
    assertEquals(2, score.classes());
  }

  @Test
  void threeClassesComputedByHand() {
    // p(y) = (0.4, 0.5, 0.1).
    // Row 1: 0.4 ln(0.4/0.7) + 0.5 ln(0.5/0.2) + 0.1 ln(0.1/0.1) = 0.2342991...
    // Row 2: 0.4 ln(0.4/0.1) + 0.5 ln(0.5/0.8) + 0.1 ln(0.1/0.1) = 0.3195159...
    double[][] rows = {{0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}};
    double row1 = 0.4 * Math.log(0.4 / 0.7) + 0.5 * Math.log(0.5 / 0.2);
    double row2 = 0.4 * Math.log(0.4 / 0.1) + 0.5 * Math.log(0.5 / 0.8);
    assertEquals((row1 + row2) / 2, EbganScore.fromProbabilities(rows).score(), 1e-12);
    assertEquals(0.2769075, EbganScore.fromProbabilities(rows).score(), 1e-6);
  }

  @Test
  void logitsGiveTheScoreOfTheirSoftmax() {
    float[][] logits = {{2f, 0f, -1f}, {-3f, 1f, 0.5f}, {0f, 0f, 4f}};
    double[][] probabilities = new double[logits.length][3];
    for (int i = 0; i < logits.length; i++) {
      double sum = 0;
      for (float v : logits[i]) {
        sum += Math.exp(v);
      }
      for (int k = 0; k < 3; k++) {
        probabilities[i][k] = Math.exp(logits[i][k]) / sum;
      }
    }
    assertEquals(EbganScore.fromProbabilities(probabilities).score(), EbganScore.fromLogits(logits).score(), 1e-9);
  }

  @Test
  void aCollapsedGeneratorScoresZeroAndConfidentDiverseSamplesScoreHigh() {
    float[][] collapsed = new float[20][];
    for (int i = 0; i < collapsed.length; i++) {
      collapsed[i] = new float[] {9f, 0f, 0f, 0f};
    }
    assertEquals(0, EbganScore.fromLogits(collapsed).score(), 1e-12);
    float[][] diverse = new float[20][4];
    for (int i = 0; i < diverse.length; i++) {
      diverse[i][i % 4] = 9f;
    }
    // Per row: 3/4 of p(y)'s mass sits on classes with p(y|x) ~ e^-9, so I' ~ (3/4) * 9 - ln 4 ~ 5.36.
    double score = EbganScore.fromLogits(diverse).score();
    assertTrue(score > 5 && score < 6, "I' of confident, evenly spread predictions: " + score);
  }

  @Test
  void extremeLogitsStayFinite() {
    // float32 softmax would round the other class to exactly 0 and the log to -infinity.
    float[][] logits = {{200f, 0f}, {0f, 200f}};
    assertEquals(100 - Math.log(2), EbganScore.fromLogits(logits).score(), 1e-6);
  }
}
