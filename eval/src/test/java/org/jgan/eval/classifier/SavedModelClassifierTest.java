package org.jgan.eval.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jgan.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier's SavedModel: what is loaded is what was trained, identified by its content. */
class SavedModelClassifierTest {
  @TempDir
  Path dir;

  /** 28x28 images whose class (0..3) is the quadrant holding a bright square, plus noise. */
  static Dataset quadrants(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[count * 784];
    int[] labels = new int[count];
    for (int n = 0; n < count; n++) {
      int label = random.nextInt(4);
      labels[n] = label;
      int oy = (label / 2) * 14;
      int ox = (label % 2) * 14;
      for (int i = 0; i < 784; i++) {
        values[n * 784 + i] = (float) (0.1 * random.nextDouble());
      }
      for (int y = 3; y < 11; y++) {
        for (int x = 3; x < 11; x++) {
          values[n * 784 + (oy + y) * 28 + ox + x] = 1f;
        }
      }
    }
    return new Dataset("quadrants", new int[] {28, 28, 1}, values, labels);
  }

  private static Path trainAndExport(Path out, long seed, Dataset train, double[] accuracy) throws Exception {
    try (ClassifierTraining training = new ClassifierTraining(new int[] {28, 28, 1}, 4, 3e-3f, seed, 2)) {
      training.trainEpoch(train, 32, 0, 1, null);
      accuracy[0] = training.accuracy(train);
      training.export(out);
    }
    return out;
  }

  @Test
  void loadedModelClassifiesLikeTheTrainedOneAndIsIdentifiedByContent() throws Exception {
    Dataset data = quadrants(256, 5);
    double[] accuracy = new double[1];
    Path model = trainAndExport(dir.resolve("a"), 1, data, accuracy);
    assertTrue(accuracy[0] > 0.9, "an easy task is learned in one epoch: " + accuracy[0]);

    String hash;
    try (SavedModelClassifier loaded = SavedModelClassifier.load(model)) {
      SavedModelClassifier.Outputs out = loaded.run(data.values(), data.size(), data.exampleShape(), 50);
      assertEquals(4, out.classes());
      assertEquals(ClassifierNetworks.FEATURES, out.featureSize());
      int correct = 0;
      for (int n = 0; n < data.size(); n++) {
        int best = 0;
        for (int k = 1; k < 4; k++) {
          if (out.logits()[n * 4 + k] > out.logits()[n * 4 + best]) {
            best = k;
          }
        }
        correct += best == data.labels()[n] ? 1 : 0;
      }
      assertEquals(accuracy[0], (double) correct / data.size(), 1e-12);
      hash = loaded.contentHash();
      assertEquals(64, hash.length());
    }
    Files.writeString(model.resolve("classifier.json"), "{}");
    try (SavedModelClassifier again = SavedModelClassifier.load(model)) {
      assertEquals(hash, again.contentHash(), "notes beside the model do not change its hash");
    }
    Path other = trainAndExport(dir.resolve("b"), 2, data, accuracy);
    try (SavedModelClassifier different = SavedModelClassifier.load(other)) {
      assertNotEquals(hash, different.contentHash(), "other weights, other hash");
    }
  }

  @Test
  void twoExportsOfOneModelHaveOneHash() throws Exception {
    // TensorFlow writes a node's attributes in any order, so saved_model.pb's bytes differ between
    // exports of one graph; the hash must not.
    Dataset data = quadrants(64, 5);
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    try (ClassifierTraining training = new ClassifierTraining(new int[] {28, 28, 1}, 4, 3e-3f, 1, 2)) {
      training.trainEpoch(data, 32, 0, 1, null);
      training.export(first);
      training.export(second);
    }
    try (SavedModelClassifier a = SavedModelClassifier.load(first);
        SavedModelClassifier b = SavedModelClassifier.load(second)) {
      assertEquals(a.contentHash(), b.contentHash());
    }
  }

  @Test
  void missingFolderOrSignatureNamesAreClearErrors() throws Exception {
    IllegalArgumentException notModel = assertThrows(IllegalArgumentException.class,
        () -> SavedModelClassifier.load(dir));
    assertTrue(notModel.getMessage().contains("saved_model.pb"), notModel.getMessage());
    Path model = trainAndExport(dir.resolve("m"), 1, quadrants(64, 1), new double[1]);
    IllegalArgumentException noOutput = assertThrows(IllegalArgumentException.class,
        () -> SavedModelClassifier.load(model, "serving_default", "images", "logits", "pool3"));
    assertTrue(noOutput.getMessage().contains("pool3"), noOutput.getMessage());
    IllegalArgumentException noSignature = assertThrows(IllegalArgumentException.class,
        () -> SavedModelClassifier.load(model, "inception", "images", "logits", "features"));
    assertTrue(noSignature.getMessage().contains("inception"), noSignature.getMessage());
    try (SavedModelClassifier grey = SavedModelClassifier.load(model)) {
      IllegalArgumentException colour = assertThrows(IllegalArgumentException.class,
          () -> grey.run(new float[2 * 28 * 28 * 3], 2, new int[] {28, 28, 3}, 2));
      assertTrue(colour.getMessage().contains("[28, 28, 1]") && colour.getMessage().contains("[28, 28, 3]"),
          "a grey classifier refuses colour images by name, before TensorFlow does: " + colour.getMessage());
    }
  }
}
