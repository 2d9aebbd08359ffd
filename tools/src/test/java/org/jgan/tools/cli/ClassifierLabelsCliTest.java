package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.jgan.data.ImageDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan classifier train} refuses labels outside 0..9 before training (it used to train on
 * them and save a model at chance accuracy). The data is blank MNIST-shaped IDX files written here.
 */
class ClassifierLabelsCliTest {
  private static final int TRAIN = ImageDatasets.TRAIN_SIZE + 1;
  private static final int TEST = 10;

  @TempDir
  Path dir;

  @Test
  void aTrainingLabelOutsideTheClassesIsNamed() throws Exception {
    int[] train = new int[TRAIN];
    train[7] = 42;
    CliRunner.Outcome outcome = train(data("bad-train", train, new int[TEST]));
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals(java.util.List.of("jgan classifier train: error: mnist/train: label 42 of example 7 is outside 0..9"
        + " (the classifier has 10 classes)"), outcome.errorLines());
  }

  @Test
  void aTestLabelOutsideTheClassesIsNamedBeforeTraining() throws Exception {
    int[] test = new int[TEST];
    test[3] = 255;
    CliRunner.Outcome outcome = train(data("bad-test", new int[TRAIN], test));
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertEquals(1, outcome.errorLines().size(), outcome.err());
    assertTrue(outcome.errorLines().get(0).contains("mnist/test: label 255 of example 3"), outcome.err());
    assertFalse(outcome.out().contains("epoch"), "refused before the first epoch: " + outcome.out());
  }

  private CliRunner.Outcome train(Path data) {
    // One large-batch epoch, so that the code before the check fails in seconds, not minutes.
    return CliRunner.run("classifier", "train", "--data", data.toString(), "--epochs", "1", "--batch", "5000",
        "--out", dir.resolve("model-" + data.getFileName()).toString());
  }

  /** A data folder whose mnist/ holds blank images with the given training and test labels. */
  private Path data(String name, int[] trainLabels, int[] testLabels) throws Exception {
    Path mnist = Files.createDirectories(dir.resolve(name).resolve("mnist"));
    writeIdx(mnist.resolve("train-images-idx3-ubyte.gz"), new byte[trainLabels.length * 784], trainLabels.length, 28, 28);
    writeIdx(mnist.resolve("train-labels-idx1-ubyte.gz"), bytes(trainLabels), trainLabels.length);
    writeIdx(mnist.resolve("t10k-images-idx3-ubyte.gz"), new byte[testLabels.length * 784], testLabels.length, 28, 28);
    writeIdx(mnist.resolve("t10k-labels-idx1-ubyte.gz"), bytes(testLabels), testLabels.length);
    return mnist.getParent();
  }

  private static byte[] bytes(int[] labels) {
    byte[] out = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = (byte) labels[i];
    }
    return out;
  }

  private static void writeIdx(Path file, byte[] data, int... dims) throws Exception {
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length).put(new byte[] {0, 0, 0x08, (byte) dims.length});
    for (int d : dims) {
      header.putInt(d);
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(header.array());
      out.write(data);
    }
  }
}
