package org.jgan.eval.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jgan.graphs.Tensors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.types.TFloat32;

/**
 * Any SavedModel with a signature that maps images to class logits and a feature layer: the
 * classifier jgan trains, or a real Inception network exported elsewhere (names configurable).
 * Runs in batches; close it.
 */
public final class SavedModelClassifier implements AutoCloseable {
  public static final String IMAGES = "images";
  public static final String LOGITS = "logits";
  public static final String FEATURES = "features";

  private final Path directory;
  private final SavedModelBundle bundle;
  private final String imagesTensor;
  private final String logitsTensor;
  private final String featuresTensor;
  private final String hash;
  /** The image shape (H, W, C) the signature declares, -1 where it leaves a size open; null if it declares none. */
  private final long[] declaredImageShape;

  /** Class logits and feature vectors of a set of images, row-major. */
  public record Outputs(int count, int classes, float[] logits, int featureSize, float[] features) {}

  /** Loads the model in {@code directory} with jgan's signature names. */
  public static SavedModelClassifier load(Path directory) throws IOException {
    return load(directory, "serving_default", IMAGES, LOGITS, FEATURES);
  }

  /** Loads the model in {@code directory}, reading the named signature's inputs and outputs. */
  public static SavedModelClassifier load(Path directory, String signature, String images, String logits,
      String features) throws IOException {
    if (!Files.isRegularFile(directory.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException(directory + ": no saved_model.pb (not a SavedModel folder)");
    }
    return new SavedModelClassifier(directory, SavedModelBundle.load(directory.toString(), "serve"), signature,
        images, logits, features);
  }

  private SavedModelClassifier(Path directory, SavedModelBundle bundle, String signature, String images,
      String logits, String features) throws IOException {
    this.directory = directory;
    this.bundle = bundle;
    try {
      SignatureDef def = bundle.metaGraphDef().getSignatureDefMap().get(signature);
      if (def == null) {
        throw new IllegalArgumentException(directory + ": no signature '" + signature + "' (has "
            + bundle.metaGraphDef().getSignatureDefMap().keySet() + ")");
      }
      imagesTensor = tensor(def.getInputsMap().get(images), "input", images);
      declaredImageShape = declaredShape(def.getInputsMap().get(images));
      logitsTensor = tensor(def.getOutputsMap().get(logits), "output", logits);
      featuresTensor = tensor(def.getOutputsMap().get(features), "output", features);
      hash = contentHash(directory);
    } catch (RuntimeException | IOException e) {
      bundle.close();
      throw e;
    }
  }

  private String tensor(TensorInfo info, String kind, String name) {
    if (info == null) {
      throw new IllegalArgumentException(directory + ": the signature has no " + kind + " '" + name + "'");
    }
    return info.getName();
  }

  private static long[] declaredShape(TensorInfo info) {
    if (!info.hasTensorShape() || info.getTensorShape().getUnknownRank() || info.getTensorShape().getDimCount() != 4) {
      return null;
    }
    long[] shape = new long[3];
    for (int i = 0; i < 3; i++) {
      shape[i] = info.getTensorShape().getDim(i + 1).getSize();
    }
    return shape;
  }

  /** The model folder. */
  public Path directory() {
    return directory;
  }

  /** SHA-256 over the model's graph and variable files (paths and contents), so a result names the exact classifier. */
  public String contentHash() {
    return hash;
  }

  /**
   * Logits and features of {@code count} images (row-major [count, height, width, channels]), run
   * {@code batch} at a time.
   */
  public Outputs run(float[] images, int count, int[] imageShape, int batch) {
    if (declaredImageShape != null) {
      for (int i = 0; i < 3; i++) {
        if (declaredImageShape[i] >= 0 && declaredImageShape[i] != imageShape[i]) {
          throw new IllegalArgumentException("classifier " + directory + " takes images of shape "
              + java.util.Arrays.toString(declaredImageShape) + " (height, width, channels), but these are "
              + java.util.Arrays.toString(imageShape) + ": train a classifier on this dataset (jgan classifier train --dataset ...)");
        }
      }
    }
    int size = imageShape[0] * imageShape[1] * imageShape[2];
    if (images.length != count * size) {
      throw new IllegalArgumentException(images.length + " values are not " + count + " images of "
          + java.util.Arrays.toString(imageShape));
    }
    float[] logits = null;
    float[] features = null;
    int classes = 0;
    int featureSize = 0;
    for (int start = 0; start < count; start += batch) {
      int n = Math.min(batch, count - start);
      float[] chunk = java.util.Arrays.copyOfRange(images, start * size, (start + n) * size);
      try (TFloat32 x = Tensors.floats(chunk, n, imageShape[0], imageShape[1], imageShape[2]);
          Result r = bundle.session().runner().feed(imagesTensor, x).fetch(logitsTensor).fetch(featuresTensor).run()) {
        float[] l = Tensors.toFloats(r.get(0));
        float[] f = Tensors.toFloats(r.get(1));
        if (logits == null) {
          classes = l.length / n;
          featureSize = f.length / n;
          logits = new float[count * classes];
          features = new float[count * featureSize];
        }
        System.arraycopy(l, 0, logits, start * classes, l.length);
        System.arraycopy(f, 0, features, start * featureSize, f.length);
      }
    }
    return new Outputs(count, classes, logits, featureSize, features);
  }

  private static String contentHash(Path root) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      // The graph and the variables only: notes written beside the model do not change its identity.
      files = walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().equals("saved_model.pb") || f.startsWith(root.resolve("variables")))
          .sorted().toList();
    }
    for (Path file : files) {
      digest.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (file.getFileName().toString().equals("saved_model.pb")) {
        digest.update(canonicalGraph(file));
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * saved_model.pb re-serialised with sorted map keys: TensorFlow writes each node's attribute map
   * in any order, so two exports of one graph differ in bytes but not in content.
   */
  private static byte[] canonicalGraph(Path file) throws IOException {
    org.tensorflow.proto.SavedModel model;
    try (InputStream in = Files.newInputStream(file)) {
      model = org.tensorflow.proto.SavedModel.parseFrom(in);
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream out = com.google.protobuf.CodedOutputStream.newInstance(bytes);
    out.useDeterministicSerialization();
    model.writeTo(out);
    out.flush();
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    bundle.close();
  }
}
