package org.jgan.eval.classifier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgan.data.DataException;
import org.jgan.data.Dataset;
import org.junit.jupiter.api.Test;

/** The classifier refuses labels it has no class for instead of training on all-zero targets. */
class ClassifierLabelsTest {
  private static Dataset withLabels(int... labels) {
    return new Dataset("tiny/train", new int[] {28, 28, 1}, new float[labels.length * 784], labels);
  }

  @Test
  void trainingAndScoringRefuseALabelOutsideTheClasses() {
    try (ClassifierTraining training = new ClassifierTraining(new int[] {28, 28, 1}, 10, 1e-3f, 1, 1)) {
      DataException tooLarge = assertThrows(DataException.class,
          () -> training.trainEpoch(withLabels(3, 9, 0, 42, 1, 2), 2, 0, 1, null));
      assertTrue(tooLarge.getMessage().startsWith("tiny/train: label 42 of example 3 is outside 0..9"),
          tooLarge.getMessage());
      DataException negative = assertThrows(DataException.class, () -> training.accuracy(withLabels(1, -1)));
      assertTrue(negative.getMessage().contains("label -1 of example 1"), negative.getMessage());
      DataException unlabelled = assertThrows(DataException.class,
          () -> training.trainEpoch(new Dataset("blank", new int[] {28, 28, 1}, new float[2 * 784], null), 2, 0, 1, null));
      assertTrue(unlabelled.getMessage().startsWith("blank: "), unlabelled.getMessage());
    }
  }
}
