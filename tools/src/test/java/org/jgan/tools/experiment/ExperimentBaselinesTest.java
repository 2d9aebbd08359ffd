package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment's baselines: cells beside the grid that take none of its axes, a null dropping a train option. */
class ExperimentBaselinesTest {
  @TempDir
  Path dir;

  private static final String FILE = """
      name: with-baseline
      grid:
        objective: [bgan-discrete]
        divergence: [gan, kl]
      seeds: [1, 2]
      train: {dataset: binary-mnist, steps: 5, samples-per-z: 4}
      baselines:
        - {objective: wgan-gp, samples-per-z: null, critic-steps: 2}
      """;

  @Test
  void baselineCellsFollowTheGridsWithTheirOwnTrainOptions() throws Exception {
    Path file = dir.resolve("e.yaml");
    Files.writeString(file, FILE);
    ExperimentFile e = ExperimentFile.read(file, false);
    assertEquals(6, e.cells().size(), "2 divergences x 2 seeds, then the baseline x 2 seeds");
    ExperimentFile.Cell baseline = e.cells().get(4);
    assertEquals("objective-wgan_gp_critic-steps-2_seed-1", baseline.id());
    assertEquals(List.of("--dataset", "binary-mnist", "--steps", "5", "--objective", "wgan-gp", "--critic-steps", "2",
        "--seed", "1"), baseline.trainArgs(), "samples-per-z dropped, no divergence");
    assertTrue(e.cells().get(0).trainArgs().containsAll(List.of("--samples-per-z", "4", "--divergence", "gan")));
  }

  @Test
  void aBaselineWithAnUnknownOptionIsRefusedNamingIt() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, FILE.replace("critic-steps: 2", "critic-stepz: 2"));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ExperimentFile.read(file, false));
    assertTrue(error.getMessage().contains("baselines") && error.getMessage().contains("critic-stepz"), error.getMessage());
  }
}
