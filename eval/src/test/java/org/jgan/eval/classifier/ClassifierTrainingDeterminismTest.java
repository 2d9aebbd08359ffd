package org.jgan.eval.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jgan.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classifier training is a function of its data, seed and thread count: two runs give the same
 * weights bit for bit, so an accuracy measured once on a machine is the accuracy every rerun there
 * gets (the quality bars in ClassifierCommandTest then only have to cover other machines).
 */
class ClassifierTrainingDeterminismTest {
  @TempDir
  Path dir;

  /** Per-epoch losses, accuracy, the exported variable files' bytes and the exported model's logits on the data. */
  private record Run(double[] losses, double accuracy, byte[] variables, float[] logits) {}

  private static Run train(Path out, Dataset data, long seed) throws Exception {
    int epochs = 2;
    double[] losses = new double[epochs];
    double accuracy;
    // Two threads, as jgan classifier train uses by default: intra-op reductions split over threads.
    try (ClassifierTraining training = new ClassifierTraining(new int[] {28, 28, 1}, 4, 1e-3f, seed, 2)) {
      for (int epoch = 0; epoch < epochs; epoch++) {
        losses[epoch] = training.trainEpoch(data, 32, epoch, epochs, null);
      }
      accuracy = training.accuracy(data);
      training.export(out);
    }
    ByteArrayOutputStream variables = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(out.resolve("variables"))) {
      for (Path file : files.sorted().toList()) {
        variables.write(Files.readAllBytes(file));
      }
    }
    try (SavedModelClassifier model = SavedModelClassifier.load(out)) {
      return new Run(losses, accuracy, variables.toByteArray(),
          model.run(data.values(), data.size(), new int[] {28, 28, 1}, 64).logits());
    }
  }

  @Test
  void sameSeedGivesBitIdenticalModels() throws Exception {
    Dataset data = SavedModelClassifierTest.quadrants(192, 11);
    Run first = train(dir.resolve("first"), data, 3);
    Run second = train(dir.resolve("second"), data, 3);
    assertArrayEquals(first.losses(), second.losses(), "training losses, exactly");
    assertEquals(first.accuracy(), second.accuracy());
    assertArrayEquals(first.logits(), second.logits(), "logits, exactly");
    // The variable files only: saved_model.pb lists each node's attributes in an order that
    // changes from one export to the next, so its bytes differ even between identical graphs.
    assertArrayEquals(first.variables(), second.variables(), "variable files, byte for byte");
    assertFalse(Arrays.equals(first.variables(), train(dir.resolve("other"), data, 4).variables()),
        "another seed trains another model");
  }
}
