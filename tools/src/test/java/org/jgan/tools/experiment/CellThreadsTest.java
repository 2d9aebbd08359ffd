package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thread count an experiment cell's train command gets under {@code --jobs}. */
class CellThreadsTest {
  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  @TempDir
  Path dir;

  private List<String> argsAfter(List<String> given, int jobs, boolean resuming) throws Exception {
    List<String> args = new ArrayList<>(given);
    CellThreads.add(args, jobs, dir, resuming);
    return args;
  }

  private static final List<String> MNIST = List.of("train", "--dataset", "mnist");

  private static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void parallelCellsShareTheProcessors() throws Exception {
    assertEquals(with(MNIST, "--threads", Integer.toString(PROCESSORS)), argsAfter(MNIST, 1, false));
    assertEquals(with(MNIST, "--threads", Integer.toString(Math.max(1, PROCESSORS / 2))), argsAfter(MNIST, 2, false));
    assertEquals(with(MNIST, "--threads", "1"), argsAfter(MNIST, PROCESSORS * 4, false));
  }

  @Test
  void smallToyCellsGetOneThreadWhateverTheJobs() throws Exception {
    List<String> toy25 = List.of("train", "--dataset", "toy25");
    assertEquals(with(toy25, "--threads", "1"), argsAfter(toy25, 1, false));
    // No --dataset: jgan train's default, toy8.
    assertEquals(List.of("train", "--threads", "1"), argsAfter(List.of("train"), 1, false));
    // gan_toy.py's 512-wide model is large enough to share the processors (TrainingDefaults.SMALL_PRODUCT).
    List<String> wide = List.of("train", "--dataset", "toy8", "--width", "512");
    assertEquals(with(wide, "--threads", Integer.toString(PROCESSORS)), argsAfter(wide, 1, false));
    List<String> wideCritic = List.of("train", "--dataset", "toy8", "--batch", "64", "--d-width", "1024");
    assertEquals(with(wideCritic, "--threads", Integer.toString(PROCESSORS)), argsAfter(wideCritic, 1, false));
    List<String> smallBatch = List.of("train", "--dataset", "toy8", "--width", "512", "--batch", "64");
    assertEquals(with(smallBatch, "--threads", "1"), argsAfter(smallBatch, 1, false));
  }

  @Test
  void aMalformedSizeIsLeftToTrainToRefuse() throws Exception {
    List<String> bad = List.of("train", "--dataset", "toy8", "--batch", "many");
    assertEquals(with(bad, "--threads", Integer.toString(PROCESSORS)), argsAfter(bad, 1, false));
  }

  @Test
  void anExplicitThreadCountWins() throws Exception {
    assertEquals(List.of("train", "--threads", "7"), argsAfter(List.of("train", "--threads", "7"), 4, false));
  }

  @Test
  void aResumedCellKeepsTheCountItStartedWith() throws Exception {
    Files.writeString(dir.resolve("config.json"), "{\"objective\": \"gan\", \"threads\": 5}");
    assertEquals(with(MNIST, "--threads", "5"), argsAfter(MNIST, 1, true));
    // A fresh cell whose folder holds an old config (no checkpoint) gets this sweep's share.
    assertEquals(with(MNIST, "--threads", Integer.toString(PROCESSORS)), argsAfter(MNIST, 1, false));
  }
}
