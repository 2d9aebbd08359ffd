package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep cell whose training diverges is an outcome, not a failure: the sweep records where it
 * diverged, does not retry it, and its table says "diverged at step N" where the numbers would be;
 * published results carry the record.
 */
class DivergedCellTest {
  @TempDir
  Path dir;

  @Test
  void aDivergedCellIsRecordedTabledAndNotRetried() throws Exception {
    Path file = dir.resolve("lr.yaml");
    // At lr 1e30 the first update overflows the weights on any seed and thread schedule (at 1e5, which
    // DivergedTrainingCliTest uses, a run can stay finite with its samples far off); 1e-3 trains.
    Files.writeString(file, """
        name: lr
        grid:
          objective: [gan]
          lr: [0.001, 1.0e30]
        seeds: [1, 2]
        train: {steps: 30, width: 8, checkpoint-every: 1}
        eval: {metrics: [toy], n: 200}
        """);
    Path out = dir.resolve("sweep");
    CliRunner.Outcome run = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString(), "--jobs", "2");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("4 of 4 cells complete (2 of them diverged), 0 failed"), run.out());
    assertFalse(run.out().contains("failed:"), run.out());

    Path cell = out.resolve("objective-gan_lr-1.0E30_seed-1");
    JsonObject result = JsonParser.parseString(Files.readString(cell.resolve("result.json"))).getAsJsonObject();
    long step = result.getAsJsonObject("diverged").get("step").getAsLong();
    assertTrue(step >= 1 && step <= 30, "diverged at step " + step);
    assertTrue(result.getAsJsonObject("diverged").get("message").getAsString().startsWith("training diverged at step " + step),
        result.toString());
    assertTrue(result.getAsJsonObject("eval").getAsJsonObject("metrics").entrySet().isEmpty(), "no metrics of a diverged run");
    assertTrue(run.out().contains("cell objective-gan_lr-1.0E30_seed-1 diverged at step " + step), run.out());
    long otherStep = JsonParser.parseString(Files.readString(out.resolve("objective-gan_lr-1.0E30_seed-2/result.json")))
        .getAsJsonObject().getAsJsonObject("diverged").get("step").getAsLong();

    CliRunner.Outcome again = CliRunner.run("experiment", "run", file.toString(), "--out", out.toString());
    assertTrue(again.out().contains("4 cells, 4 already complete, 0 to run"), again.out());
    assertTrue(again.out().contains("4 of 4 cells complete (2 of them diverged), 0 failed"), again.out());

    CliRunner.Outcome table = CliRunner.run("experiment", "table", out.toString(), "--group-by", "lr", "--format", "csv",
        "--metrics", "toy.modes_covered");
    assertEquals(0, table.exitCode(), table.err());
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(1).startsWith("0.001,") && !lines.get(1).contains("diverged"), lines.get(1));
    assertEquals("1000000000000000000000000000000,\"all 2 diverged at steps " + step + ", " + otherStep + "\"", lines.get(2));
    assertTrue(lines.get(4).contains("4 runs (2 diverged"), lines.get(4));

    CliRunner.Outcome figure = CliRunner.run("experiment", "table", out.toString(), "--group-by", "lr", "--figure",
        dir.resolve("samples.png").toString(), "--figure-format", "svg");
    assertEquals(0, figure.exitCode(), figure.err());
    String panels = org.jgan.tools.figures.Svg.desc(dir.resolve("samples.svg"));
    assertTrue(panels.contains("lr=1000000000000000000000000000000: its first run diverged at step " + step + ", no samples"),
        "no picture of a diverged run's last finite checkpoint: " + panels);

    Path html = dir.resolve("report.html");
    CliRunner.Outcome report = CliRunner.run("experiment", "report", out.toString(), "--out", html.toString());
    assertEquals(0, report.exitCode(), report.err());
    String page = Files.readString(html);
    assertTrue(page.contains("at step " + step) && page.contains("training diverged at step " + step),
        "the report's every-number table names the divergence");

    Path published = dir.resolve("published");
    CliRunner.Outcome publish = CliRunner.run("experiment", "publish", out.toString(), "--out", published.toString(),
        "--without-logs");
    assertEquals(0, publish.exitCode(), publish.err());
    assertTrue(Files.exists(published.resolve("objective-gan_lr-1.0E30_seed-1/run/diverged.json")));
    CliRunner.Outcome fromPublished = CliRunner.run("experiment", "table", published.toString(), "--group-by", "lr",
        "--format", "csv", "--metrics", "toy.modes_covered");
    assertEquals(table.out(), fromPublished.out());
  }
}
