package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.experiment.JganProcess;
import org.jgan.tools.figures.Svg;

/**
 * A tiny experiment (2 objectives x 2 seeds) end to end: a sweep killed mid-way resumes without
 * redoing complete cells, and its table holds the mean +- std of the result files.
 */
class ExperimentRunTest {
  @TempDir
  Path dir;

  private static final String TINY = """
      name: tiny
      grid:
        objective: [gan-ns, wgan-gp]
      seeds: [1, 2]
      train: {steps: 40, width: 16, checkpoint-every: 10}
      eval: {metrics: [toy], n: 300}
      """;

  @Test
  void killedSweepResumesAndTablesItsResults() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, TINY);
    Path out = dir.resolve("sweep");

    Process sweep = start("experiment", "run", file.toString(), "--out", out.toString(), "--jobs", "1");
    Path firstResult = out.resolve("objective-gan_ns_seed-1").resolve("result.json");
    Path secondRun = out.resolve("objective-gan_ns_seed-2").resolve("run");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.exists(firstResult) && Files.exists(secondRun))) {
        assertTrue(sweep.isAlive(), "the sweep ended before it could be killed");
        assertTrue(System.nanoTime() < deadline, "first cell not complete within 120 s");
        Thread.sleep(20);
      }
    } finally {
      sweep.descendants().forEach(ProcessHandle::destroyForcibly);
      sweep.destroyForcibly().waitFor();
    }
    assertTrue(!Files.exists(out.resolve("objective-wgan_gp_seed-2").resolve("result.json")), "killed before the end");
    FileTime firstWritten = Files.getLastModifiedTime(firstResult);
    String firstContent = Files.readString(firstResult);

    CliRunner.Outcome resumed = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString(), "--jobs", "2",
        "--figure-format", "svg");
    assertEquals(0, resumed.exitCode(), resumed.err() + resumed.out());
    assertTrue(resumed.out().contains("4 cells, 1 already complete, 3 to run"), resumed.out());
    assertEquals(firstWritten, Files.getLastModifiedTime(firstResult), "a complete cell is not redone");
    assertEquals(firstContent, Files.readString(firstResult));
    assertTrue(Files.size(out.resolve("objective-wgan_gp_seed-1").resolve("losses.png")) > 1000);
    String losses = Svg.desc(out.resolve("objective-wgan_gp_seed-1").resolve("losses.svg"));
    assertTrue(losses.contains("panel 'critic/loss': x axis 'generator iteration', y axis 'critic/loss'")
        && losses.contains("panel 'generator/loss'"), losses);

    CliRunner.Outcome again = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertTrue(again.out().contains("4 cells, 4 already complete, 0 to run"), again.out());

    CliRunner.Outcome table = CliRunner.run("experiment", "table", out.toString(), "--format", "csv",
        "--metrics", "toy.high_quality_share", "--figure", dir.resolve("figure.png").toString(), "--figure-format", "pdf");
    assertEquals(0, table.exitCode(), table.err());
    List<String> lines = table.out().lines().toList();
    assertEquals("objective,toy.high_quality_share (higher better)", lines.get(0));
    for (int row = 0; row < 2; row++) {
      String objective = row == 0 ? "gan-ns" : "wgan-gp";
      String folder = objective.replace('-', '_');
      double a = share(out, folder, 1);
      double b = share(out, folder, 2);
      double mean = (a + b) / 2;
      double std = Math.abs(a - b) / Math.sqrt(2);
      String cell = lines.get(1 + row).split(",")[1].replace(" *", "");
      String[] parts = cell.split(" \\+- ");
      assertTrue(lines.get(1 + row).startsWith(objective + ","), lines.get(1 + row));
      assertEquals(mean, Double.parseDouble(parts[0]), Math.abs(mean) * 1e-3 + 1e-12, cell);
      assertEquals(std, Double.parseDouble(parts[1]), std * 1e-3 + 1e-12, cell);
    }
    assertTrue(Files.size(dir.resolve("figure.png")) > 1000);
    assertTrue(Files.size(dir.resolve("figure.pdf")) > 1000, "the vector copy beside it");
  }

  @Test
  void aCellWhoseSettingsChangedIsRerunAndItsOldFolderKept() throws Exception {
    Path file = dir.resolve("one.yaml");
    String one = "name: one\ntrain: {objective: gan, steps: 2, width: 8}\neval: {metrics: [toy], n: 100}\n";
    Files.writeString(file, one);
    Path out = dir.resolve("one");
    CliRunner.Outcome first = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertEquals(0, first.exitCode(), first.err() + first.out());

    Files.writeString(file, one.replace("steps: 2", "steps: 3"));
    CliRunner.Outcome changed = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertEquals(0, changed.exitCode(), changed.err() + changed.out());
    assertTrue(changed.out().contains("cell seed-1: settings changed since its result, re-running"), changed.out());
    assertTrue(changed.out().contains("1 cells, 0 already complete, 1 to run"), changed.out());
    assertEquals(3, steps(out.resolve("seed-1")), "the result is of the new settings");
    assertEquals(2, steps(out.resolve(".stale/seed-1.1")), "the old result is kept aside");

    CliRunner.Outcome again = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertTrue(again.out().contains("1 cells, 1 already complete, 0 to run"), again.out());
  }

  @Test
  void onlyRunsPartOfTheFileAndTheRestLaterIntoTheSameFolder() throws Exception {
    Path file = dir.resolve("two.yaml");
    Files.writeString(file, "name: two\ngrid: {objective: [gan, gan-ns]}\nseeds: [1, 2]\n"
        + "train: {steps: 2, width: 8}\neval: {metrics: [toy], n: 100}\n");
    Path out = dir.resolve("two");
    CliRunner.Outcome part = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString(),
        "--only", "seed=2", "--only", "objective=gan-ns");
    assertEquals(0, part.exitCode(), part.err() + part.out());
    assertTrue(part.out().contains("--only seed=2 objective=gan-ns: 1 of the file's 4 cells"), part.out());
    assertTrue(part.out().contains("1 cells, 0 already complete, 1 to run"), part.out());
    try (var cells = Files.list(out)) {
      assertEquals(List.of("objective-gan_ns_seed-2"), cells.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("objective")).toList());
    }
    JsonObject result = JsonParser.parseString(Files.readString(out.resolve("objective-gan_ns_seed-2/result.json")))
        .getAsJsonObject();
    assertEquals(3, result.get("order").getAsInt(), "its place in the whole file, which tables sort by");

    CliRunner.Outcome rest = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertTrue(rest.out().contains("4 cells, 1 already complete, 3 to run"), rest.out());

    CliRunner.Outcome typo = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString(),
        "--only", "objective=wgan");
    assertEquals(2, typo.exitCode(), typo.err() + typo.out());
    assertTrue(typo.err().contains("--only objective=wgan: no cell has that value; its values are [gan, gan-ns]"),
        typo.err());
  }

  @Test
  void seedsAddedToOneCellAfterTheSweepJoinItsRow() throws Exception {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, "name: sweep\ngrid: {objective: [gan, gan-ns]}\nseeds: [1]\n"
        + "train: {steps: 2, width: 8}\neval: {metrics: [toy], n: 100}\n");
    Path out = dir.resolve("sweep");
    CliRunner.Outcome sweep = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertEquals(0, sweep.exitCode(), sweep.err() + sweep.out());

    CliRunner.Outcome more = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString(),
        "--seeds", "1,2,3", "--only", "objective=gan-ns");
    assertEquals(0, more.exitCode(), more.err() + more.out());
    assertTrue(more.out().contains("--only objective=gan-ns: 3 of the file's 6 cells"), more.out());
    assertTrue(more.out().contains("3 cells, 1 already complete, 2 to run"), "seed 1 is the sweep's own cell: "
        + more.out());

    CliRunner.Outcome table = CliRunner.run("experiment", "table", out.toString());
    assertEquals(0, table.exitCode(), table.err() + table.out());
    List<String> rows = table.out().lines().filter(line -> line.startsWith("| gan")).toList();
    assertEquals(2, rows.size(), table.out());
    assertTrue(rows.get(0).startsWith("| gan |") && rows.get(0).contains("[1 run]"), "the file's order, gan first: "
        + rows);
    assertTrue(rows.get(1).startsWith("| gan-ns |") && !rows.get(1).contains("run]"), "three seeds pooled: " + rows);
    assertTrue(table.out().contains("4 runs, seeds [1, 2, 3]"), table.out());

    CliRunner.Outcome twice = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString(),
        "--seeds", "2,2");
    assertEquals(2, twice.exitCode(), twice.err() + twice.out());
    assertTrue(twice.err().contains("--seeds lists 2 twice"), twice.err());
  }

  @Test
  void aMissingClassifierFailsBeforeAnyCellTrains() throws Exception {
    Path file = dir.resolve("fid.yaml");
    Files.writeString(file, "name: fid\ngrid: {dataset: [toy8, mnist]}\ntrain: {objective: gan, steps: 2}\n"
        + "eval: {classifier: {toy8: " + dir.resolve("none") + ", mnist: " + dir.resolve("missing") + "}}\n");
    Path out = dir.resolve("fid");
    CliRunner.Outcome run = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertEquals(2, run.exitCode(), run.err() + run.out());
    assertTrue(run.err().contains(file + ": cell dataset-toy8_seed-1: eval: --classifier " + dir.resolve("none")
        + ": no such folder"), run.err());
    assertTrue(!Files.exists(out), "nothing ran");
  }

  private static long steps(Path cell) throws Exception {
    return JsonParser.parseString(Files.readString(cell.resolve("result.json"))).getAsJsonObject()
        .getAsJsonObject("config").get("steps").getAsLong();
  }

  private static double share(Path out, String objective, int seed) throws Exception {
    JsonObject r = JsonParser.parseString(Files.readString(
        out.resolve(String.format(Locale.ROOT, "objective-%s_seed-%d", objective, seed)).resolve("result.json")))
        .getAsJsonObject();
    return r.getAsJsonObject("eval").getAsJsonObject("metrics").getAsJsonObject("toy").get("high_quality_share")
        .getAsDouble();
  }

  private static Process start(String... args) throws Exception {
    return new ProcessBuilder(JganProcess.command(List.of(args))).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
