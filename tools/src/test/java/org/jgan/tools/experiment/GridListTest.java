package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list of grids unites their cells, so settings that only some objectives take (an optimiser for
 * GAN, the pulling-away weight for EBGAN) sit in one experiment, as the EBGAN paper's grid needs.
 */
class GridListTest {
  @TempDir
  Path dir;

  private ExperimentFile read(String text) throws Exception {
    Path file = dir.resolve("grids.yaml");
    Files.writeString(file, text);
    return ExperimentFile.read(file, false);
  }

  @Test
  void eachGridsCellsInFileOrderWithTheirOwnSettings() throws Exception {
    ExperimentFile e = read("""
        name: grids
        grid:
          - {objective: [gan-ns], optimizer: [adam, momentum], lr: [0.01, 0.001]}
          - {objective: [ebgan], pt-weight: [0, 0.1]}
        train: {steps: 5, width: 8}
        """);
    assertEquals(List.of("objective-gan_ns_optimizer-adam_lr-0.01_seed-1", "objective-gan_ns_optimizer-adam_lr-0.001_seed-1",
        "objective-gan_ns_optimizer-momentum_lr-0.01_seed-1", "objective-gan_ns_optimizer-momentum_lr-0.001_seed-1",
        "objective-ebgan_pt-weight-0_seed-1", "objective-ebgan_pt-weight-0.1_seed-1"),
        e.cells().stream().map(ExperimentFile.Cell::id).toList());
    assertEquals(List.of("--steps", "5", "--width", "8", "--objective", "ebgan", "--pt-weight", "0.1", "--seed", "1"),
        e.cells().get(5).trainArgs());
    assertEquals(List.of("gan-ns", "ebgan"), e.grid().get("objective"), "the axes of every grid, united");
  }

  @Test
  void aSettingAnObjectiveDoesNotTakeIsStillRefusedInItsGrid() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("""
        name: grids
        grid:
          - {objective: [gan-ns]}
          - {objective: [ebgan], optimizer: [momentum]}
        train: {steps: 5}
        """));
    assertTrue(e.getMessage().contains("--optimizer"), e.getMessage());
  }

  @Test
  void badGridsAreNamedByTheirPlaceInTheList() throws Exception {
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> read("""
        name: grids
        grid:
          - {objective: [gan-ns]}
          - {objective: [ebgan], lr: [0.1, 0.1]}
        """));
    assertTrue(dup.getMessage().endsWith("grid[1].lr lists 0.1 twice"), dup.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> read("""
        name: grids
        grid:
          - {objective: [gan-ns]}
          - {lr: [0.1]}
        """));
    assertTrue(none.getMessage().endsWith("no objective: put 'objective' in grid[1] or train"), none.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> read("""
        name: grids
        grid: []
        train: {objective: gan}
        """));
    assertTrue(empty.getMessage().endsWith("'grid' is an empty list: the experiment would run nothing"),
        empty.getMessage());
  }
}
