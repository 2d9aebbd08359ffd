package org.jgan.eval.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.jgan.data.DataException;
import org.jgan.data.Dataset;
import org.jgan.data.Seeds;
import org.jgan.graphs.GraphContext;
import org.jgan.graphs.Network;
import org.jgan.graphs.SavedModels;
import org.jgan.graphs.Sessions;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.optim.Adam;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains the metric classifier on labelled images and exports it as a SavedModel whose
 * {@code serving_default} signature maps {@code images} [-1, H, W, C] to {@code logits} and
 * {@code features}.
 */
public final class ClassifierTraining implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final GraphContext context;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> features;
  private final Operand<TFloat32> logits;
  private final Op step;
  private final Operand<TFloat32> loss;
  private final int[] imageShape;
  private final int classes;

  /**
   * TensorFlow intra-op threads of the classifier recipe: fixed rather than per machine, since the
   * trained weights (and so every score made with them) depend on the thread count.
   */
  public static final int THREADS = 2;

  /** Builds the network for images of {@code imageShape} (H, W, C) and {@code classes} classes. */
  public ClassifierTraining(int[] imageShape, int classes, float learningRate, long seed, int threads) {
    this.imageShape = imageShape.clone();
    this.classes = classes;
    context = new GraphContext(graph, seed);
    Ops tf = context.tf();
    images = tf.withName("images").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, imageShape[0], imageShape[1], imageShape[2])));
    labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Network featureNet = new Network("features", context, ClassifierNetworks.featureLayers());
    Network head = new Network("head", context, ClassifierNetworks.headLayers(classes));
    features = tf.withName("feature_output").identity(featureNet.apply(images));
    logits = tf.withName("logit_output").identity(head.apply(features));
    // The dense form: TensorFlow's C API has no gradient for the sparse one.
    Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
    loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
    List<org.tensorflow.op.core.Variable<TFloat32>> variables = new java.util.ArrayList<>(featureNet.trainableVariables());
    variables.addAll(head.trainableVariables());
    step = new Adam(learningRate, 0.9f, 0.999f).withLinearDecay().minimize(context, "classifier_adam", loss, variables);
    session = Sessions.open(graph, threads);
  }

  /**
   * Pass {@code epoch} (from 0) of {@code epochs} over {@code data} in a seeded order, the learning
   * rate decaying linearly to zero over all of them; returns the mean training loss.
   */
  public double trainEpoch(Dataset data, int batchSize, int epoch, int epochs, IntConsumer progress) {
    requireLabels(data, classes);
    int n = data.size();
    int[] order = permutation(n, Seeds.derive(context.seed(), epoch));
    int size = data.exampleSize();
    float[] batch = new float[batchSize * size];
    int[] batchLabels = new int[batchSize];
    double total = 0;
    int batches = n / batchSize;
    for (int b = 0; b < batches; b++) {
      for (int i = 0; i < batchSize; i++) {
        data.copyExample(order[b * batchSize + i], batch, i * size);
        batchLabels[i] = data.labels()[order[b * batchSize + i]];
      }
      try (TFloat32 x = Tensors.floats(batch, batchSize, imageShape[0], imageShape[1], imageShape[2]);
          TInt32 y = TInt32.tensorOf(Shape.of(batchSize), DataBuffers.of(batchLabels, true, false));
          TBool training = TBool.scalarOf(true);
          org.tensorflow.types.TInt64 runSeed = context.runSeedTensor((long) epoch * batches + b);
          TFloat32 done = TFloat32.scalarOf((float) (((double) epoch * batches + b) / ((double) epochs * batches)));
          Result r = session.runner().feed(images, x).feed(labels, y).feed(context.trainingFlag(), training)
              .feed(context.runSeedInput(), runSeed).feed(context.progressInput(), done)
              .addTarget(step).fetch(loss).run()) {
        total += Tensors.scalar(r.get(0));
      }
      if (progress != null) {
        progress.accept(b + 1);
      }
    }
    return total / batches;
  }

  /** Share of {@code data} whose arg-max logit is its label. */
  public double accuracy(Dataset data) {
    requireLabels(data, classes);
    int correct = 0;
    int chunk = 500;
    int size = data.exampleSize();
    for (int start = 0; start < data.size(); start += chunk) {
      int count = Math.min(chunk, data.size() - start);
      float[] batch = new float[count * size];
      for (int i = 0; i < count; i++) {
        data.copyExample(start + i, batch, i * size);
      }
      try (TFloat32 x = Tensors.floats(batch, count, imageShape[0], imageShape[1], imageShape[2]);
          Result r = session.runner().feed(images, x).fetch(logits).run()) {
        float[] out = Tensors.toFloats(r.get(0));
        int classes = out.length / count;
        for (int i = 0; i < count; i++) {
          int best = 0;
          for (int k = 1; k < classes; k++) {
            if (out[i * classes + k] > out[i * classes + best]) {
              best = k;
            }
          }
          if (best == data.labels()[start + i]) {
            correct++;
          }
        }
      }
    }
    return (double) correct / data.size();
  }

  /**
   * Refuses data a classifier of {@code classes} classes cannot learn from: no labels, or a label
   * outside 0..classes-1 (its one-hot target would be all zeros, so the example would teach
   * nothing while the run still ends with a saved model).
   *
   * @throws DataException naming the dataset, the first bad label and its example index
   */
  public static void requireLabels(Dataset data, int classes) {
    int[] labels = data.labels();
    if (labels == null) {
      throw new DataException(data.name() + ": the classifier needs labelled images, this dataset has no labels");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new DataException(data.name() + ": label " + labels[i] + " of example " + i + " is outside 0.."
            + (classes - 1) + " (the classifier has " + classes + " classes)");
      }
    }
  }

  /** Exports the trained classifier (inference mode) as a SavedModel in {@code directory}. */
  public void export(Path directory) throws IOException {
    Map<String, Operand<?>> outputs = new LinkedHashMap<>();
    outputs.put(SavedModelClassifier.LOGITS, logits);
    outputs.put(SavedModelClassifier.FEATURES, features);
    SavedModels.export(session, directory,
        SavedModels.predict(Signature.DEFAULT_KEY, Map.of(SavedModelClassifier.IMAGES, images), outputs));
  }

  private static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
