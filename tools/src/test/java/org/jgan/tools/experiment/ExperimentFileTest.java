package org.jgan.tools.experiment;

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
    // The runner owns the run folder and the machine's share: jgan train picks the threads within it.
    List<String> command = first.trainCommand(Path.of("runs", "a"), null, 2);
    assertEquals(List.of("train", "--steps", "50"), command.subList(0, 3));
    assertEquals(List.of("--out", Path.of("runs", "a").toString(), "--concurrent-runs", "2"),
        command.subList(command.size() - 4, command.size()));
  }

  @Test
  void seedsGivenInPlaceOfTheFilesMakeTheCellsTheFileWouldMakeWithThem() throws Exception {
    Path file = write("good.yaml", GOOD);
    ExperimentFile whole = ExperimentFile.read(file, false);
    ExperimentFile more = ExperimentFile.read(file, false, List.of(3L, 9L), "--seeds");
    assertEquals(8, more.cells().size(), "4 grid points x 2 seeds");
    assertEquals(List.of(3L, 9L), more.seeds());
    ExperimentFile.Cell fileSeed3 = whole.cells().get(2);
    ExperimentFile.Cell seed3 = more.cells().get(0);
    assertEquals("objective-gan_dataset-toy8_seed-3", seed3.id());
    // A seed the file lists makes the file's own cell: its folder, fingerprint (so its result counts) and place.
    assertEquals(List.of(fileSeed3.id(), fileSeed3.fingerprint(), fileSeed3.order()),
        List.of(seed3.id(), seed3.fingerprint(), seed3.order()));
    ExperimentFile.Cell seed9 = more.cells().get(1);
    assertEquals("objective-gan_dataset-toy8_seed-9", seed9.id());
    assertEquals(List.of("--seed", "9"), seed9.trainArgs().subList(seed9.trainArgs().size() - 2, seed9.trainArgs().size()));
    // Rows keep the file's order: seed 9 of the first point sorts within that point's places (0 to 2), before
    // the second point's first cell (place 3).
    assertEquals(2, seed9.order());
    assertEquals(3, whole.cells().get(3).order());
    assertEquals(5, more.cells().get(2).order(), "second point, seed 3: the file's place for it");

    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> ExperimentFile.read(file, false, List.of(4L, 4L), "--seeds"));
    assertEquals("--seeds lists 4 twice", twice.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> ExperimentFile.read(file, false, List.of(), "--seeds"));
    assertTrue(none.getMessage().startsWith("--seeds is empty"), none.getMessage());
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
    assertRejected(GOOD.replace("steps: 50", "concurrent-runs: 2"), "concurrent-runs");
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

  @Test
  void duplicateKeysAreRefusedNamingTheKey() throws Exception {
    assertRejected(GOOD.replace("steps: 50", "steps: 50, steps: 500"), "duplicate key 'steps'");
    assertRejected(GOOD + "seeds: [4]\n", "duplicate key 'seeds'", "line 9");
    Path json = write("dup.json", "{\"name\": \"x\", \"train\": {\"objective\": \"gan\"}, \"train\": {\"objective\": \"wgan\"}}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentFile.read(json, false));
    assertTrue(e.getMessage().startsWith(json + ": duplicate key 'train'"), e.getMessage());
  }

  @Test
  void duplicateValuesWouldShareAFolderAndAreRefused() throws Exception {
    assertRejected(GOOD.replace("[gan, wgan-gp]", "[gan, wgan-gp, gan]"), "grid.objective lists gan twice");
    assertRejected(GOOD.replace("seeds: [1, 2, 3]", "seeds: [1, 2, 1]"), "'seeds' lists 1 twice");
    assertRejected(GOOD.replace("lr: 0.001", "lr: 0.001").replace("dataset: [toy8, toy25]",
        "dataset: [toy8, toy25]\n  gp-weight: [0.1, 0.10]"), "grid.gp-weight lists 0.1 twice");
    // Different values, one folder name: the folder name keeps only letters, digits and '.'.
    assertRejected(GOOD.replace("[gan, wgan-gp]", "[gan-ns, gan_ns]"), "would share the folder 'objective-gan_ns_dataset-toy8_seed-1'");
  }

  @Test
  void emptySeedsRunNothingAndAreRefused() throws Exception {
    assertRejected(GOOD.replace("seeds: [1, 2, 3]", "seeds: []"), "'seeds' is empty");
  }

  @Test
  void aGridOfABillionCellsIsRefusedBeforeItIsExpanded() throws Exception {
    StringBuilder text = new StringBuilder("name: huge\ntrain: {objective: gan}\ngrid:\n");
    String[] keys = {"steps", "width", "depth", "batch", "z-dim", "log-every", "checkpoint-every", "quality-every", "threads"};
    for (String key : keys) {
      text.append("  ").append(key).append(": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");
    }
    assertRejected(text.toString(), "1000000000 cells", "10 steps x 10 width", "1 seeds",
        "more than the limit of " + ExperimentFile.MAX_CELLS);
  }

  @Test
  void evalSettingsAreCheckedWhenTheFileIsRead() throws Exception {
    assertRejected(GOOD.replace("metrics: [toy]", "metrics: [toy, fidd]"), "eval:", "unknown metric 'fidd'");
    assertRejected(GOOD.replace("metrics: [toy]", "metrics: [parzen]"), "objective-gan_dataset-toy8_seed-1: eval:",
        "metric 'parzen' does not apply to dataset toy8");
    assertRejected(GOOD.replace("metrics: [toy]", "metrics: [toy], critic-steps: 0"), "--critic-steps must be at least 1");
    assertRejected(GOOD.replace("n: 200", "n: 1"), "--n must be at least 2");
    assertRejected(GOOD.replace("n: 200", "n: 2147483647"), "--n 2147483647", "more than this JVM can hold");
    assertRejected("""
        name: fid
        train: {objective: gan, dataset: mnist}
        eval: {metrics: [fid]}
        """, "need --classifier");
    assertRejected("""
        name: typo
        train: {objective: gan, dataset: mnist}
        eval: {classifier: {mnist: models/grey, mnsit: models/grey}}
        """, "eval.classifier has an entry for unknown dataset 'mnsit'");
  }

  @Test
  void trainSizesThatCannotFitAreRefusedWhenTheFileIsRead() throws Exception {
    assertRejected(GOOD.replace("width: 16", "width: 2147483647"), "--width 2147483647 is too large");
  }

  @Test
  void aCellsIdentityHoldsEveryFixedSettingAndTheScaleButNotTheKeyOrder() throws Exception {
    String before = ExperimentFile.read(write("a.yaml", GOOD), false).cells().get(0).fingerprint();
    String reordered = GOOD.replace("train: {steps: 50, width: 16, lr: 0.001}", "train: {lr: 0.001, width: 16, steps: 50}");
    assertEquals(before, ExperimentFile.read(write("b.yaml", reordered), false).cells().get(0).fingerprint());
    assertTrue(!before.equals(ExperimentFile.read(write("c.yaml", GOOD.replace("steps: 50", "steps: 60")), false)
        .cells().get(0).fingerprint()), "a fixed train setting changes the identity");
    assertTrue(!before.equals(ExperimentFile.read(write("d.yaml", GOOD.replace("n: 200", "n: 300")), false)
        .cells().get(0).fingerprint()), "an eval setting changes the identity");
    // The quick section here keeps the first cell's settings; only the scale differs.
    String sameCell = GOOD.replace("quick: {seeds: [7], grid: {objective: [gan]}}", "quick: {seeds: [1]}");
    ExperimentFile full = ExperimentFile.read(write("e.yaml", sameCell), false);
    ExperimentFile quick = ExperimentFile.read(write("e.yaml", sameCell), true);
    assertEquals(full.cells().get(0).id(), quick.cells().get(0).id());
    assertTrue(!full.cells().get(0).fingerprint().equals(quick.cells().get(0).fingerprint()),
        "the scale changes the identity");
    assertTrue(full.cells().get(0).identity().contains("--steps 50"), full.cells().get(0).identity());
  }
}
