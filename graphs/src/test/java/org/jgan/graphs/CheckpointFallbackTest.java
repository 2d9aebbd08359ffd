package org.jgan.graphs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.function.Consumer;
import org.jgan.graphs.CheckpointStore.Checkpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A damaged checkpoint (garbled pointer, truncated or overwritten files, a malformed state) is
 * skipped with a one-line notice, and the newest checkpoint that restores is restored instead.
 */
class CheckpointFallbackTest {
  private static final Consumer<Checkpoint> ANY_STATE = c -> { };

  @TempDir
  Path dir;

  private Graph graph;
  private Session session;
  private Variable<TFloat32> w;
  private Ops tf;
  private CheckpointStore store;
  private final List<String> notices = new ArrayList<>();

  /** Checkpoints at steps 10, 20 and 30, each with w = [step, step]; then w is set to [-1, -1]. */
  @BeforeEach
  void saveThreeCheckpoints() throws IOException {
    graph = new Graph();
    GraphContext ctx = new GraphContext(graph, 1);
    tf = ctx.tf();
    w = ctx.named("net/w").variable(tf.withInitScope().constant(new float[] {0, 0}));
    session = Sessions.open(graph, 1);
    store = new CheckpointStore(dir, 3);
    for (long step : new long[] {10, 20, 30}) {
      setW(step);
      Properties state = new Properties();
      state.setProperty("runs", Long.toString(step * 2));
      store.save(session, step, state);
    }
    setW(-1);
  }

  @AfterEach
  void close() {
    session.close();
    graph.close();
  }

  @Test
  void aGarbledPointerFallsBackToTheNewestCheckpoint() throws IOException {
    byte[] noise = new byte[64];
    new Random(3).nextBytes(noise);
    noise[0] = (byte) 0xff; // never valid UTF-8
    Files.write(dir.resolve("latest"), noise);
    assertEquals(30, store.latest().orElseThrow().step(), "latest() reads past a garbled pointer");
    assertEquals(30, restore().step());
    assertW(30);
    assertEquals(1, notices.size(), notices.toString());
    assertTrue(notices.get(0).contains(dir.resolve("latest").toString()) && notices.get(0).contains("not text"),
        notices.get(0));
  }

  @Test
  void aTruncatedDataFileFallsBackToTheCheckpointBefore() throws IOException {
    truncate(dataFile(30));
    assertEquals(20, restore().step());
    assertW(20);
    assertEquals(1, notices.size(), notices.toString());
    assertTrue(notices.get(0).contains(folder(30).toString()) && notices.get(0).contains("does not restore"),
        notices.get(0));
  }

  @Test
  void aTruncatedIndexFallsBackToTheCheckpointBefore() throws IOException {
    truncate(folder(30).resolve("model.index"));
    assertEquals(20, restore().step());
    assertW(20);
    assertEquals(1, notices.size(), notices.toString());
  }

  @Test
  void overwrittenDataOfTheSameSizeFailsItsChecksumAndIsSkipped() throws IOException {
    Path data = dataFile(30);
    byte[] bytes = Files.readAllBytes(data);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
    Files.write(data, bytes);
    assertEquals(20, restore().step());
    assertW(20);
  }

  @Test
  void aMalformedStepInTheStateIsSkippedNamingTheFile() throws IOException {
    Files.writeString(folder(30).resolve("state.properties"), "step=3o\nruns=60\n");
    assertEquals(20, store.latest().orElseThrow().step(), "latest() passes over it too");
    assertEquals(20, restore().step());
    assertW(20);
    assertTrue(notices.get(0).contains("state.properties") && notices.get(0).contains("3o"), notices.get(0));
  }

  @Test
  void aStateTheCallerRefusesIsSkipped() throws IOException {
    Files.writeString(folder(30).resolve("state.properties"), "step=30\nruns=12x\n");
    Optional<Checkpoint> restored = store.restoreNewest(session, c -> Long.parseLong(c.state().getProperty("runs")),
        notices::add);
    assertEquals(20, restored.orElseThrow().step());
    assertW(20);
    assertTrue(notices.get(0).contains(folder(30).toString()) && notices.get(0).contains("12x"), notices.get(0));
  }

  @Test
  void whenNothingRestoresTheErrorNamesTheFolder() throws IOException {
    for (long step : new long[] {10, 20, 30}) {
      truncate(dataFile(step));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.restoreNewest(session, ANY_STATE, notices::add));
    assertTrue(e.getMessage().startsWith(dir.toString()) && e.getMessage().contains("no checkpoint restores"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().contains("newest step-0000000030: it does not restore"), e.getMessage());
    assertTrue(notices.isEmpty(), "the one-line error is all that is said: " + notices);
  }

  @Test
  void aStoreWithoutCheckpointsRestoresNothingQuietly() throws IOException {
    CheckpointStore empty = new CheckpointStore(dir.resolve("none"), 1);
    assertTrue(empty.restoreNewest(session, ANY_STATE, notices::add).isEmpty());
    assertTrue(notices.isEmpty());
    assertW(-1);
  }

  @Test
  void aFailedSaveNamesTheCheckpointItWasFor() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    CheckpointStore misplaced = new CheckpointStore(notAFolder, 1);
    IOException e = assertThrows(IOException.class, () -> misplaced.save(session, 40, new Properties()));
    assertTrue(e.getMessage().startsWith("cannot save checkpoint " + notAFolder.resolve("step-0000000040") + ": "),
        e.getMessage());
  }

  private Checkpoint restore() throws IOException {
    return store.restoreNewest(session, ANY_STATE, notices::add).orElseThrow();
  }

  private Path folder(long step) {
    return dir.resolve(String.format("step-%010d", step));
  }

  private Path dataFile(long step) throws IOException {
    try (var files = Files.list(folder(step))) {
      return files.filter(p -> p.getFileName().toString().startsWith("model.data-")).findFirst().orElseThrow();
    }
  }

  private static void truncate(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
  }

  private void setW(float value) {
    GraphRuns.run(session, GraphRuns.assign(tf, w, value, value));
  }

  private void assertW(float value) {
    assertArrayEquals(new float[] {value, value}, GraphRuns.eval(session, w), 0f);
  }
}
