package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment file that gives an objective a setting it does not read fails when read, naming the
 * file, the cell and the setting, whichever check of the registry's list finds it.
 */
class ObjectiveSettingsInExperimentsTest {
  @TempDir
  Path dir;

  private IllegalArgumentException refused(String train) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: bad\ngrid:\n  objective: [wgan-gp]\nseeds: [1]\ntrain: " + train + "\n");
    return assertThrows(IllegalArgumentException.class, () -> ExperimentFile.read(file, false));
  }

  @Test
  void aDiscreteBganSettingOnAnotherObjectiveNamesTheFileAndTheCell() throws Exception {
    IllegalArgumentException e = refused("{dataset: binary-mnist, divergence: kl, steps: 2}");
    assertTrue(e.getMessage().startsWith(dir.resolve("bad.yaml") + ": cell objective-wgan_gp_seed-1: --divergence:"
        + " objective 'wgan-gp' does not take it"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void anotherObjectivesHyperparameterNamesTheFileTheCellAndWhoTakesIt() throws Exception {
    IllegalArgumentException e = refused("{dataset: toy8, margin: 3, steps: 2}");
    assertTrue(e.getMessage().startsWith(dir.resolve("bad.yaml") + ": cell objective-wgan_gp_seed-1: --margin:"
        + " objective 'wgan-gp' does not take it (energy margin; taken by ebgan)"), e.getMessage());
  }

  @Test
  void aSettingTheObjectiveReadsIsAccepted() throws Exception {
    Path file = dir.resolve("good.yaml");
    Files.writeString(file, "name: good\ngrid:\n  objective: [wgan-gp]\nseeds: [1]\ntrain: {gp-weight: 5, steps: 2}\n");
    assertEquals(1, ExperimentFile.read(file, false).cells().size());
  }
}
