package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.tools.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed sweep runs its cells stopped part-way (a checkpoint in their run folder) before fresh ones. */
class StoppedCellsFirstTest {
  @TempDir
  Path tmp;

  @Test
  void cellsWithACheckpointComeFirstEachGroupInFileOrder() throws Exception {
    Path file = Files.writeString(tmp.resolve("order.yaml"), String.join("\n",
        "name: order",
        "seeds: [1, 2, 3, 4, 5]",
        "train: {objective: gan-ns, dataset: toy8, model: mlp, width: 8, depth: 1, batch: 8, steps: 20,",
        "        checkpoint-every: 10, threads: 1}",
        "eval: {metrics: [toy], n: 100}",
        ""));
    List<ExperimentFile.Cell> cells = ExperimentFile.read(file, false).cells();
    Path out = tmp.resolve("sweep");
    // Seeds 2 and 4 were stopped part-way: a real run each, cut short (10 of 20 steps, one checkpoint).
    for (int index : new int[] {3, 1}) {
      Path run = out.resolve(cells.get(index).id()).resolve(ExperimentRunner.RUN);
      List<String> train = new java.util.ArrayList<>(cells.get(index).trainCommand(run, Path.of(CliRunner.data()), 1));
      train.set(train.indexOf("--steps") + 1, "10");
      CliRunner.Outcome outcome = CliRunner.run(train.toArray(String[]::new));
      assertEquals(0, outcome.exitCode(), outcome.err());
    }
    // Seed 5 has a run folder but no checkpoint yet: it starts afresh, so it keeps its place.
    Files.createDirectories(out.resolve(cells.get(4).id()).resolve(ExperimentRunner.RUN));

    List<Object> seeds = ExperimentRunner.stoppedFirst(cells, out).stream().map(c -> c.settings().get("seed")).toList();
    assertEquals(List.of(2L, 4L, 1L, 3L, 5L), seeds);
    assertEquals(cells, ExperimentRunner.stoppedFirst(cells, tmp.resolve("nothing-yet")), "no checkpoints: file order");
  }
}
