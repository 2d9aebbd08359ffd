package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --only}: part of an experiment, each selected cell as the whole file has it. */
class CellSelectionTest {
  @TempDir
  Path dir;

  private static final String FILE = """
      name: with-baseline
      grid:
        objective: [bgan-discrete, bgan-reinforce]
        divergence: [gan, kl]
        lr: [0.001, 0.0001]
      seeds: [1, 2]
      train: {dataset: binary-mnist, steps: 5, samples-per-z: 4}
      baselines:
        - {objective: wgan-gp, samples-per-z: null}
      """;

  private ExperimentFile whole() throws Exception {
    Path file = dir.resolve("e.yaml");
    Files.writeString(file, FILE);
    return ExperimentFile.read(file, false);
  }

  private static List<String> ids(ExperimentFile e) {
    return e.cells().stream().map(ExperimentFile.Cell::id).toList();
  }

  @Test
  void everyKeyMustMatchAndABaselineWithoutTheKeyIsKept() throws Exception {
    ExperimentFile whole = whole();
    assertEquals(2 * 2 * 2 * 2 + 2, whole.cells().size());
    ExperimentFile part = whole.only(CellSelection.parse(List.of("seed=1", "divergence=gan", "lr=0.001"), "--only"),
        "--only");
    assertEquals(List.of("objective-bgan_discrete_divergence-gan_lr-0.001_seed-1",
        "objective-bgan_reinforce_divergence-gan_lr-0.001_seed-1", "objective-wgan_gp_seed-1"), ids(part));
    assertEquals(List.of(1L), part.seeds());
    CellSelection selection = CellSelection.parse(List.of("seed=1", "divergence=gan", "lr=0.001"), "--only");
    assertEquals("1 without divergence, 1 without lr", selection.keptWithoutKeys(part.cells()));
    assertEquals("", CellSelection.parse(List.of("seed=1"), "--only").keptWithoutKeys(part.cells()));
  }

  @Test
  void aSelectedCellKeepsItsFolderFingerprintAndPlaceInTheWholeFile() throws Exception {
    ExperimentFile whole = whole();
    ExperimentFile part = whole.only(CellSelection.parse(List.of("objective=wgan-gp,bgan-reinforce",
        "seed=2"), "--only"), "--only");
    assertEquals(5, part.cells().size(), "4 reinforce cells and the baseline, seed 2");
    for (ExperimentFile.Cell cell : part.cells()) {
      ExperimentFile.Cell original = whole.cells().get(cell.order());
      assertEquals(original.id(), cell.id());
      assertEquals(original.fingerprint(), cell.fingerprint());
    }
    assertEquals(whole.cells().size() - 1, part.cells().get(4).order(), "the baseline's seed 2 is the file's last cell");
  }

  @Test
  void numbersMatchWhateverTheirSpelling() throws Exception {
    ExperimentFile part = whole().only(CellSelection.parse(List.of("lr=1e-4", "seed=1", "objective=bgan-discrete"),
        "--only"), "--only");
    assertEquals(List.of("objective-bgan_discrete_divergence-gan_lr-1.0E_4_seed-1",
        "objective-bgan_discrete_divergence-kl_lr-1.0E_4_seed-1"), ids(part));
  }

  @Test
  void noSelectionIsTheWholeExperiment() throws Exception {
    ExperimentFile whole = whole();
    assertSame(whole, whole.only(CellSelection.parse(List.of(), "--only"), "--only"));
    assertSame(whole, whole.only(CellSelection.parse(null, "--only"), "--only"));
  }

  @Test
  void aKeyOrValueNoCellHasIsRefusedNamingWhatThereIs() throws Exception {
    ExperimentFile whole = whole();
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> whole.only(CellSelection.parse(List.of("divergance=gan"), "--only"), "--only"));
    assertTrue(key.getMessage().contains("'divergance'") && key.getMessage().contains("divergence"), key.getMessage());
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> whole.only(CellSelection.parse(List.of("seed=3"), "--only"), "--only"));
    assertTrue(value.getMessage().contains("seed=3") && value.getMessage().contains("[1, 2]"), value.getMessage());
  }

  @Test
  void malformedArgumentsAreRefused() {
    for (String bad : List.of("seed", "=1", "seed=", "seed=1,,2")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CellSelection.parse(List.of(bad), "--only"), bad);
      assertTrue(e.getMessage().contains("KEY=VALUE") && e.getMessage().contains(bad), e.getMessage());
    }
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> CellSelection.parse(List.of("seed=1", "seed=2"), "--only"));
    assertTrue(twice.getMessage().contains("'seed' twice"), twice.getMessage());
  }
}
