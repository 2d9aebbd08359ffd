package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jgan.tools.experiment.ExperimentFile;

/** The experiments shipped in experiments/ are valid at both scales, and the 2-D one runs at its quick scale. */
class ShippedExperimentsTest {
  /** Tests run in the module folder; the experiments live at the repository root. */
  private static final Path EXPERIMENTS = Path.of("..", "experiments");

  /** The experiments {@link #runsAtItsQuickScale} runs end to end on the datasets folder. */
  private static final List<String> RUN_AT_QUICK_SCALE = List.of("gan-parzen-mnist", "gan-parzen-mnist-ema",
      "all-objectives-mnist", "alpha-gan-compare", "ebgan-grid", "ebgan-grid-small", "bgan-discrete", "wgan-vs-gan",
      "bgan-discrete-mnist", "alpha-gan-colormnist-sweep");

  /** Every other shipped experiment, with where it is covered instead or why CI leaves it out. */
  private static final Map<String, String> COVERED_ELSEWHERE = Map.of(
      "toy-coverage", "toyCoverageRunsAtItsQuickScale, which also checks WGAN-GP's modes",
      "alpha-gan-cifar", "ownDataExperimentsRunAtTheirQuickScaleOnGeneratedData",
      "alpha-gan-celeba", "ownDataExperimentsRunAtTheirQuickScaleOnGeneratedData",
      "wgan-gp-toy-fast", "its quick scale is six 1,000-iteration cells, and toyCoverageRunsAtItsQuickScale"
          + " already trains WGAN-GP on toy8; its quick-scale results are published and ReproductionDocsTest"
          + " regenerates their table",
      "wgan-gp-toy-reference", "its quick scale is six 1,000-iteration cells of 512-wide networks with five critic"
          + " steps, at the 137-148 ms per iteration measured here over 2 minutes each");

  @TempDir
  Path dir;

  @Test
  void everyShippedExperimentIsValidAtBothScales() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(EXPERIMENTS)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      ExperimentFile full = ExperimentFile.read(file, false);
      ExperimentFile quick = ExperimentFile.read(file, true);
      assertEquals(file.getFileName().toString(), full.name() + ".yaml", "file named after its experiment");
      assertTrue(quick.cells().size() <= full.cells().size(), file + ": quick runs no more cells than full");
    }
  }

  /** A new experiment file cannot go untested by being left off both lists. */
  @Test
  void everyShippedExperimentIsRunAtQuickScaleOrSaysWhereItIsCovered() throws Exception {
    Set<String> shipped = new TreeSet<>();
    try (Stream<Path> list = Files.list(EXPERIMENTS)) {
      list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .forEach(n -> shipped.add(n.substring(0, n.length() - ".yaml".length())));
    }
    Set<String> listed = new TreeSet<>(RUN_AT_QUICK_SCALE);
    listed.addAll(COVERED_ELSEWHERE.keySet());
    assertEquals(shipped, listed, "experiments/ against RUN_AT_QUICK_SCALE and COVERED_ELSEWHERE");
  }

  static List<String> quickScaleExperiments() {
    return RUN_AT_QUICK_SCALE;
  }

  /** Every experiment of {@link #RUN_AT_QUICK_SCALE} runs end to end at its quick scale (about three minutes in all). */
  @ParameterizedTest
  @MethodSource("quickScaleExperiments")
  void runsAtItsQuickScale(String name) throws Exception {
    String data = System.getenv("JGAN_DATA");
    org.junit.jupiter.api.Assertions.assertNotNull(data, "JGAN_DATA must name the datasets folder");
    runQuick(name, data);
  }

  /**
   * The experiments on users' data run at their quick scale on small generated stand-ins: CIFAR-10
   * files of 6 records each, and a folder of small images.
   */
  @ParameterizedTest
  @ValueSource(strings = {"alpha-gan-cifar", "alpha-gan-celeba"})
  void ownDataExperimentsRunAtTheirQuickScaleOnGeneratedData(String name) throws Exception {
    Path data = name.equals("alpha-gan-cifar") ? OwnData.cifar10(dir.resolve("data"), 6)
        : OwnData.imageFolder(dir.resolve("images"), OwnData.HELD_OUT_SAFE_COUNT);
    runQuick(name, data.toString());
  }

  private void runQuick(String name, String data) throws Exception {
    Path out = dir.resolve(name);
    CliRunner.Outcome run = CliRunner.run("experiment", "run", EXPERIMENTS.resolve(name + ".yaml").toString(),
        "--quick", "--out", out.toString(), "--jobs", "2", "--data", data);
    assertEquals(0, run.exitCode(), run.err() + run.out());
    CliRunner.Outcome table = CliRunner.run("experiment", "table", out.toString(), "--format", "csv");
    assertEquals(0, table.exitCode(), table.err());
    int cells = ExperimentFile.read(EXPERIMENTS.resolve(name + ".yaml"), true).cells().size();
    assertTrue(run.out().contains(cells + " of " + cells + " cells complete"), run.out());
  }

  @Test
  void toyCoverageRunsAtItsQuickScale() throws Exception {
    Path out = dir.resolve("toy");
    CliRunner.Outcome run = CliRunner.run("experiment", "run", EXPERIMENTS.resolve("toy-coverage.yaml").toString(),
        "--quick", "--out", out.toString(), "--jobs", "2");
    assertEquals(0, run.exitCode(), run.err() + run.out());
    CliRunner.Outcome table = CliRunner.run("experiment", "table", out.toString());
    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().contains("| gan-ns |") && table.out().contains("| wgan-gp |"), table.out());
    double wganGpModes = JsonParser.parseString(Files.readString(out.resolve("objective-wgan_gp_dataset-toy8_seed-1")
        .resolve("result.json"))).getAsJsonObject().getAsJsonObject("eval").getAsJsonObject("metrics")
        .getAsJsonObject("toy").get("modes_covered").getAsDouble();
    assertTrue(wganGpModes >= 6, "the quick WGAN-GP run still covers most modes: " + wganGpModes);
  }
}
