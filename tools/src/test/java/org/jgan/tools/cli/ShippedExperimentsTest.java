package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.experiment.ExperimentFile;

/** The experiments shipped in experiments/ are valid at both scales, and the 2-D one runs at its quick scale. */
class ShippedExperimentsTest {
  /** Tests run in the module folder; the experiments live at the repository root. */
  private static final Path EXPERIMENTS = Path.of("..", "experiments");

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

  /** Every shipped experiment runs end to end at its quick scale (about three minutes in all). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"gan-parzen-mnist", "all-objectives-mnist",
      "alpha-gan-compare", "ebgan-grid", "ebgan-grid-small", "bgan-discrete", "wgan-vs-gan", "bgan-discrete-mnist", "alpha-gan-colormnist-sweep"})
  void runsAtItsQuickScale(String name) throws Exception {
    String data = System.getenv("JGAN_DATA");
    org.junit.jupiter.api.Assertions.assertNotNull(data, "JGAN_DATA must name the datasets folder");
    runQuick(name, data);
  }

  /**
   * The experiments on users' data run at their quick scale on small generated stand-ins: CIFAR-10
   * files of 6 records each, and a folder of small images.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"alpha-gan-cifar", "alpha-gan-celeba"})
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
