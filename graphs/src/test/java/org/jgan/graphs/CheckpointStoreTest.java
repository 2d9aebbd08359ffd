package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jgan.graphs.CheckpointStore.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class CheckpointStoreTest {
  @TempDir
  Path dir;

  private static final float[] ORIGINAL = {0.1f, -2.5f, 3.75f, 1e-7f};

  /** A graph with one variable "w" and one non-trivial optimiser-like slot "w_slot". */
  private record Fixture(Graph graph, Ops tf, Variable<TFloat32> w, Variable<TFloat32> slot) implements AutoCloseable {
    static Fixture create() {
      Graph g = new Graph();
      GraphContext ctx = new GraphContext(g, 1);
      Ops tf = ctx.tf();
      Variable<TFloat32> w = ctx.named("net/w").variable(tf.withInitScope().constant(ORIGINAL));
      Variable<TFloat32> slot = ctx.named("opt/net/w/m").variable(tf.withInitScope().constant(new float[] {9, 8, 7, 6}));
      return new Fixture(g, tf, w, slot);
    }

    @Override
    public void close() {
      graph.close();
    }
  }

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void restoreBringsBackTheSavedValuesExactly() throws IOException {
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"), 3);
      assertTrue(store.latest().isEmpty(), "no checkpoint before the first save");
      Checkpoint saved = store.save(s, 10, props("epoch", "2"));
      assertEquals(10, saved.step());
      assertEquals(dir.resolve("ckpt").resolve("step-0000000010"), saved.folder());
      GraphRuns.run(s, GraphRuns.assign(f.tf(), f.w(), 5, 5, 5, 5), GraphRuns.assign(f.tf(), f.slot(), 0, 0, 0, 0));
      assertArrayEquals(new float[] {5, 5, 5, 5}, GraphRuns.eval(s, f.w()), 0f);
      CheckpointStore.restore(s, store.latest().orElseThrow());
      assertArrayEquals(ORIGINAL, GraphRuns.eval(s, f.w()), 0f);
      assertArrayEquals(new float[] {9, 8, 7, 6}, GraphRuns.eval(s, f.slot()), 0f);
    }
  }

  @Test
  void restoreIntoAFreshGraphAndSession() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 2);
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      GraphRuns.run(s, GraphRuns.assign(f.tf(), f.w(), 1, 2, 3, 4));
      store.save(s, 1, new Properties());
    }
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      assertArrayEquals(ORIGINAL, GraphRuns.eval(s, f.w()), 0f);
      CheckpointStore.restore(s, store.latest().orElseThrow());
      assertArrayEquals(new float[] {1, 2, 3, 4}, GraphRuns.eval(s, f.w()), 0f);
    }
  }

  @Test
  void latestIsTheNewestAndKeepPrunesOlder() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 2);
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      for (long step : new long[] {10, 20, 30}) {
        GraphRuns.run(s, GraphRuns.assign(f.tf(), f.w(), step, step, step, step));
        store.save(s, step, props("marker", "at-" + step));
        assertEquals(step, store.latest().orElseThrow().step());
      }
      List<Checkpoint> complete = store.complete();
      assertEquals(List.of(20L, 30L), complete.stream().map(Checkpoint::step).toList());
      assertFalse(Files.exists(dir.resolve("step-0000000010")), "step 10 should be pruned");
      assertTrue(Files.isDirectory(dir.resolve("step-0000000020")));
      // No temporary folders are left behind.
      try (Stream<Path> entries = Files.list(dir)) {
        assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".partial-")));
      }
      // The older kept checkpoint still restores its own values.
      CheckpointStore.restore(s, complete.get(0));
      assertArrayEquals(new float[] {20, 20, 20, 20}, GraphRuns.eval(s, f.w()), 0f);
      assertEquals("at-20", complete.get(0).state().getProperty("marker"));
    }
  }

  @Test
  void interimCheckpointsRotateApartFromRegularOnes() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 2);
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      // Regular every 10 steps, interim between them: 10, 14i, 18i, 20, 23i, 27i, 30, 34i.
      for (long step : new long[] {10, 14, 18, 20, 23, 27, 30, 34}) {
        GraphRuns.run(s, GraphRuns.assign(f.tf(), f.w(), step, step, step, step));
        if (step % 10 == 0) {
          store.save(s, step, new Properties());
        } else {
          store.saveInterim(s, step, new Properties());
        }
        assertEquals(step, store.latest().orElseThrow().step());
      }
      // The 2 newest of each kind: the interim 27 and 34 did not push out the regular 20.
      List<Checkpoint> kept = store.complete();
      assertEquals(List.of(20L, 27L, 30L, 34L), kept.stream().map(Checkpoint::step).toList());
      assertEquals(List.of(false, true, false, true), kept.stream().map(Checkpoint::interim).toList());
      assertEquals(20, store.restoreStep(s, 20).step());
      assertArrayEquals(new float[] {20, 20, 20, 20}, GraphRuns.eval(s, f.w()), 0f);
      // A regular save at the step of an interim one replaces it, as a regular checkpoint.
      store.save(s, 34, new Properties());
      assertFalse(store.latest().orElseThrow().interim());
      assertEquals(List.of(27L, 30L, 34L), store.complete().stream().map(Checkpoint::step).toList());
    }
  }

  @Test
  void latestOrdersStepsNumericallyNotByName() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 5);
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      store.save(s, 9, new Properties());
      store.save(s, 100, new Properties());
      store.save(s, 11, new Properties()); // the pointer now names step 11
      Files.delete(dir.resolve("latest"));
      // Without the pointer, the scan picks the highest step.
      assertEquals(100, store.latest().orElseThrow().step());
      assertEquals(List.of(9L, 11L, 100L), store.complete().stream().map(Checkpoint::step).toList());
    }
  }

  @Test
  void crashLeftoversAreIgnored() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 3);
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      store.save(s, 10, new Properties());
      store.save(s, 20, props("phase", "done"));
    }
    // A save of step 30 that died before its rename: a partial folder with model files only.
    Path partial = Files.createDirectories(dir.resolve(".partial-step-30-12345"));
    Files.writeString(partial.resolve("model.index"), "junk");
    // A step folder with model files but no state file (a crash of some other writer).
    Path noState = Files.createDirectories(dir.resolve("step-0000000030"));
    Files.writeString(noState.resolve("model.index"), "junk");
    // A step folder with a state file but no model.
    Path noModel = Files.createDirectories(dir.resolve("step-0000000040"));
    Files.writeString(noModel.resolve("state.properties"), "step=40\n");
    // And a pointer naming a folder that does not exist.
    Files.writeString(dir.resolve("latest"), "step-0000000050\n");

    Optional<Checkpoint> latest = store.latest();
    assertEquals(20, latest.orElseThrow().step());
    assertEquals("done", latest.get().state().getProperty("phase"));
    assertEquals(List.of(10L, 20L), store.complete().stream().map(Checkpoint::step).toList());

    // A pointer naming an incomplete folder is not trusted either.
    Files.writeString(dir.resolve("latest"), "step-0000000030\n");
    assertEquals(20, store.latest().orElseThrow().step());

    // The checkpoint found restores.
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      CheckpointStore.restore(s, latest.get());
      assertArrayEquals(ORIGINAL, GraphRuns.eval(s, f.w()), 0f);
      // The next save clears the partial folder and points 'latest' at itself.
      store.save(s, 30, new Properties());
      assertFalse(Files.exists(partial));
      assertEquals(30, store.latest().orElseThrow().step());
      assertTrue(Files.isRegularFile(dir.resolve("step-0000000030").resolve("state.properties")));
    }
  }

  @Test
  void stateRoundTrips() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 1);
    Properties state = props("generator.lr", "2.0E-4", "unicode", "caf\u00e9 \u2713", "with=equals", "a:b c",
        "empty", "");
    try (Fixture f = Fixture.create(); Session s = Sessions.open(f.graph(), 1)) {
      store.save(s, 1234567, state);
    }
    Checkpoint back = new CheckpointStore(dir, 1).latest().orElseThrow();
    assertEquals(1234567, back.step());
    assertEquals("1234567", back.state().getProperty("step"));
    for (String key : state.stringPropertyNames()) {
      assertEquals(state.getProperty(key), back.state().getProperty(key), key);
    }
    assertEquals(state.size() + 1, back.state().size());
    // The caller's Properties are not modified.
    assertEquals(null, state.getProperty("step"));
  }

  @Test
  void keepMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new CheckpointStore(dir, 0));
  }
}
