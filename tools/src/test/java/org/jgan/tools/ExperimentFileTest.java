package org.jgan.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiment files are expanded into cells and checked whole before anything runs. */
class ExperimentFileTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String GOOD = """
      name: tiny
      grid:
        objective: [gan, wgan-gp]
        dataset: [toy8, toy25]
      seeds: [1, 2, 3]
      train: {steps: 50, width: 16, lr: 0.001}
      eval: {metrics: [toy], n: 200}
      quick: {seeds: [7], grid: {objective: [gan]}}
      """;

  @Test
  void gridTimesSeedsInFileOrder() throws Exception {
    ExperimentFile e = ExperimentFile.read(write("good.yaml", GOOD), false);
    assertEquals(12, e.cells().size());
    ExperimentFile.Cell first = e.cells().get(0);
    assertEquals("objective-gan_dataset-toy8_seed-1", first.id());
    assertEquals(List.of("--steps", "50", "--width", "16", "--lr", "0.001", "--objective", "gan", "--dataset", "toy8",
        "--seed", "1"), first.trainArgs());
    assertEquals(List.of("--metrics", "toy", "--n", "200"), first.evalArgs());
    assertEquals("objective-wgan_gp_dataset-toy25_seed-3", e.cells().get(11).id());
  }

  @Test
  void quickSectionsReplaceTheirNamesakes() throws Exception {
    ExperimentFile e = ExperimentFile.read(write("good.yaml", GOOD), true);
    assertEquals(1, e.cells().size(), "the quick grid replaces the whole grid: 1 objective x seed 7");
    assertEquals(List.of("objective", "seed"), List.copyOf(e.cells().get(0).settings().keySet()));
    assertEquals(7L, e.cells().get(0).settings().get("seed"));
  }

  @Test
  void evalValuesGivenByDatasetResolvePerCell() throws Exception {
    Path file = write("by-dataset.yaml", """
        name: by-dataset
        grid: {dataset: [mnist, color-mnist]}
        train: {objective: gan, steps: 5}
        eval: {metrics: [fid], classifier: {mnist: models/grey, color-mnist: models/colour}}
        """);
    List<ExperimentFile.Cell> cells = ExperimentFile.read(file, false).cells();
    assertEquals(List.of("--metrics", "fid", "--classifier", "models/grey"), cells.get(0).evalArgs());
    assertEquals(List.of("--metrics", "fid", "--classifier", "models/colour"), cells.get(1).evalArgs());

    Path missing = write("missing.yaml", """
        name: missing
        grid: {dataset: [mnist, fashion]}
        train: {objective: gan}
        eval: {classifier: {mnist: models/grey}}
        """);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentFile.read(missing, false));
    assertTrue(e.getMessage().contains("eval.classifier") && e.getMessage().contains("'fashion'"), e.getMessage());
  }

  @Test
  void jsonIsAcceptedToo() throws Exception {
    Path json = write("tiny.json", "{\"name\": \"tiny\", \"train\": {\"objective\": \"gan\", \"steps\": 5}}");
    assertEquals(1, ExperimentFile.read(json, false).cells().size());
  }

  private void assertRejected(String text, String... fragments) throws Exception {
    Path file = write("bad.yaml", text);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentFile.read(file, false));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void misspeltKeysAreNamed() throws Exception {
    assertRejected(GOOD.replace("steps: 50", "step: 50"), "unknown key 'step' in train", "steps");
    assertRejected(GOOD.replace("seeds: [1, 2, 3]", "seed: [1, 2, 3]"), "unknown key 'seed' in the top level");
    assertRejected(GOOD.replace("metrics: [toy]", "metric: [toy]"), "unknown key 'metric' in eval");
    assertRejected(GOOD.replace("dataset: [toy8, toy25]", "datset: [toy8, toy25]"), "unknown key 'datset' in grid");
  }

  @Test
  void unknownObjectiveFailsBeforeAnyRun() throws Exception {
    assertRejected(GOOD.replace("[gan, wgan-gp]", "[gan, vae]"), "objective-vae", "unknown objective 'vae'");
  }

  @Test
  void wrongTypesAreNamed() throws Exception {
    assertRejected(GOOD.replace("steps: 50", "steps: many"), "train.steps must be an integer", "many");
    assertRejected(GOOD.replace("lr: 0.001", "lr: fast"), "train.lr must be a number");
    assertRejected(GOOD.replace("seeds: [1, 2, 3]", "seeds: [one]"), "'seeds' must hold integers");
    assertRejected(GOOD.replace("seeds: [1, 2, 3]", "seeds: 3"), "'seeds' must be a list");
    assertRejected(GOOD.replace("steps: 50", "steps: -50"), "--steps must be at least 0");
  }

  @Test
  void missingNameAndObjectiveAreNamed() throws Exception {
    assertRejected("train: {objective: gan}", "'name'");
    assertRejected("name: x\ntrain: {steps: 5}", "no objective");
    assertRejected("name: x\ngrid: {objective: [gan]}\ntrain: {objective: gan}", "in both grid and train");
    assertRejected("name: [unclosed", "not valid YAML");
  }
}
