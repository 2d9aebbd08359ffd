package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A model folder appears whole (SavedModel and the files beside it) or not at all. */
class SavedModelsTest {
  @TempDir
  Path dir;

  @Test
  void filesBesideTheModelAreInTheFolderWhenItAppears() throws IOException {
    Path model = dir.resolve("model");
    export(model, folder -> AtomicFiles.writeString(folder.resolve("about.json"), "{}\n"));
    assertEquals("{}\n", Files.readString(model.resolve("about.json")));
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), SavedModels.SERVE_TAG)) {
      assertTrue(bundle.metaGraphDef().getSignatureDefMap().containsKey(Signature.DEFAULT_KEY));
    }
    assertEquals(List.of(model), listing(), "no temporary folder is left");
  }

  @Test
  void aFailureWritingBesideTheModelLeavesNoModelFolder() throws IOException {
    Path model = dir.resolve("model");
    IOException e = assertThrows(IOException.class, () -> export(model, folder -> {
      Files.writeString(folder.resolve("about.json"), "");
      throw new IOException("No space left on device");
    }));
    assertEquals("cannot export model " + model + ": No space left on device", e.getMessage());
    assertFalse(Files.exists(model), "a model without its metadata must not appear");
    assertEquals(List.of(), listing(), "no temporary folder is left");
    // So a second export into the same folder is not refused.
    export(model, folder -> AtomicFiles.writeString(folder.resolve("about.json"), "{}\n"));
    assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));
  }

  @Test
  void versionsAreNumberedFromOneAndConcurrentExportsNeverShareANumber() throws Exception {
    Path base = dir.resolve("model");
    assertEquals(base.resolve("1"), exportVersion(base));
    int exporters = 4;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(exporters);
    try {
      List<java.util.concurrent.Future<Path>> written = new java.util.ArrayList<>();
      for (int i = 0; i < exporters; i++) {
        written.add(pool.submit(() -> exportVersion(base)));
      }
      java.util.Set<Path> versions = new java.util.HashSet<>();
      for (java.util.concurrent.Future<Path> f : written) {
        versions.add(f.get());
      }
      assertEquals(java.util.Set.of(base.resolve("2"), base.resolve("3"), base.resolve("4"), base.resolve("5")), versions);
    } finally {
      pool.shutdown();
    }
    for (int v = 1; v <= 5; v++) {
      assertEquals("{}\n", Files.readString(base.resolve("" + v).resolve("about.json")), "version " + v);
    }
    try (var entries = Files.list(base)) {
      assertEquals(5, entries.count(), "no temporary folder is left");
    }
    assertEquals(base.resolve("5"), ModelVersions.resolve(base));
  }

  @Test
  void aFolderHoldingAModelDirectlyIsNotABaseForVersions() throws IOException {
    Path model = dir.resolve("model");
    export(model, folder -> { });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exportVersion(model));
    assertTrue(e.getMessage().startsWith(model + " holds a model directly"), e.getMessage());
    assertFalse(Files.exists(model.resolve("1")));
  }

  private static Path exportVersion(Path base) throws IOException {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph, 1)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Signature signature = SavedModels.predict(Signature.DEFAULT_KEY, Map.of("x", x),
          Map.of("y", tf.math.mul(x, tf.constant(2f))));
      return SavedModels.exportVersion(session, base, folder -> AtomicFiles.writeString(folder.resolve("about.json"),
          "{}\n"), signature);
    }
  }

  private static void export(Path model, SavedModels.FolderContents beside) throws IOException {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph, 1)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Signature signature = SavedModels.predict(Signature.DEFAULT_KEY, Map.of("x", x),
          Map.of("y", tf.math.mul(x, tf.constant(2f))));
      SavedModels.export(session, model, beside, signature);
    }
  }

  private List<Path> listing() throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }
}
