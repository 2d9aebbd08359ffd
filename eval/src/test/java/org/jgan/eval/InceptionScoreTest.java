package org.jgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class InceptionScoreTest {
  @Test
  void identicalPredictionsScoreOne() {
    float[][] probs = new float[50][];
    Arrays.fill(probs, new float[] {0.1f, 0.6f, 0.3f});
    InceptionScore.Score score = InceptionScore.fromProbabilities(probs);
    assertEquals(1.0, score.mean(), 1e-9);
    assertEquals(0.0, score.std(), 1e-9);
    assertEquals(10, score.splits());
    assertEquals(50, score.samples());
    assertEquals(3, score.classes());
  }

  @Test
  void confidentEvenlySpreadPredictionsScoreTheClassCount() {
    int classes = 7;
    float[][] oneHot = new float[classes * 10 * 3][classes];
    for (int i = 0; i < oneHot.length; i++) {
      oneHot[i][i % classes] = 1;
    }
    assertEquals(classes, InceptionScore.fromProbabilities(oneHot).mean(), 1e-9);

    // Nearly one-hot (mass 1 - eps on one class): close to K, and below it.
    float eps = 1e-4f;
    float[][] confident = new float[oneHot.length][classes];
    for (int i = 0; i < confident.length; i++) {
      Arrays.fill(confident[i], eps / (classes - 1));
      confident[i][i % classes] = 1 - eps;
    }
    double score = InceptionScore.fromProbabilities(confident).mean();
    assertEquals(classes, score, 0.01);
    assertEquals(true, score < classes);
  }

  @Test
  void twoByTwoCaseComputedByHand() {
    // p(y|x1) = (0.8, 0.2), p(y|x2) = (0.2, 0.8), one split: p(y) = (0.5, 0.5), and both rows have
    // KL = 0.8 ln(0.8 / 0.5) + 0.2 ln(0.2 / 0.5) = 0.8 ln 1.6 + 0.2 ln 0.4 = 0.192745...
    float[][] probs = {{0.8f, 0.2f}, {0.2f, 0.8f}};
    double kl = 0.8 * Math.log(1.6) + 0.2 * Math.log(0.4);
    InceptionScore.Score score = InceptionScore.fromProbabilities(probs, 1);
    assertEquals(Math.exp(kl), score.mean(), 1e-6);
    assertEquals(1.21258, score.mean(), 1e-5);
    assertEquals(0, score.std(), 0);
  }

  @Test
  void splitsAreScoredSeparately() {
    // First split: identical rows (score 1); second: two disjoint one-hot rows (score 2).
    float[][] probs = {{1, 0}, {1, 0}, {1, 0}, {0, 1}};
    InceptionScore.Score score = InceptionScore.fromProbabilities(probs, 2);
    assertEquals(1.0, score.splitScores()[0], 1e-9);
    assertEquals(2.0, score.splitScores()[1], 1e-9);
    assertEquals(1.5, score.mean(), 1e-9);
    assertEquals(0.5, score.std(), 1e-9);
  }

  @Test
  void tensorAndLogitInputsAgreeWithArrays() {
    float[][] logits = {{2f, 0f, -1f}, {0f, 3f, 0.5f}, {-1f, 0f, 4f}, {1f, 1f, 1f}};
    float[][] probs = new float[4][3];
    for (int i = 0; i < 4; i++) {
      double sum = 0;
      for (float v : logits[i]) {
        sum += Math.exp(v);
      }
      for (int k = 0; k < 3; k++) {
        probs[i][k] = (float) (Math.exp(logits[i][k]) / sum);
      }
    }
    double expected = InceptionScore.fromProbabilities(probs, 2).mean();
    assertEquals(expected, InceptionScore.fromLogits(logits, 2).mean(), 1e-6);
    float[] flat = new float[12];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(logits[i], 0, flat, 3 * i, 3);
    }
    try (TFloat32 t = Tensors.floats(flat, 4, 3)) {
      assertEquals(expected, InceptionScore.fromLogits(t, 2).mean(), 1e-6);
    }
  }

  @Test
  void rejectsMoreSplitsThanPredictions() {
    assertThrows(IllegalArgumentException.class, () -> InceptionScore.fromProbabilities(new float[][] {{1f}}, 2));
  }
}
