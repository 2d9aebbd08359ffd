package org.jgan.tools.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jgan.tools.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPublisherTest {
  private static final String DONE = "objective-wgan_seed-1";
  private static final String RUNNING = "objective-gan_seed-1";

  /** An experiment folder with one complete cell (and the big files a run leaves) and one still running. */
  private static Path experiment(Path dir) throws Exception {
    Path runs = dir.resolve("runs");
    Path done = Files.createDirectories(runs.resolve(DONE).resolve("run/checkpoints/step-0000000010"));
    Files.writeString(runs.resolve(DONE).resolve("cell.json"), "{\"cell\": \"" + DONE + "\"}");
    Files.writeString(runs.resolve(DONE).resolve("result.json"), "{\"cell\": \"" + DONE + "\", \"eval\": {}}");
    Files.writeString(runs.resolve(DONE).resolve("eval.log"), "progress");
    Files.writeString(runs.resolve(DONE).resolve("run/config.json"), "{\"objective\": \"wgan\"}");
    Files.writeString(runs.resolve(DONE).resolve("run/timing.json"), "{\"iterations\": 10}");
    Files.writeString(runs.resolve(DONE).resolve("run/log.jsonl"), "{\"step\":10}\n");
    Files.write(runs.resolve(DONE).resolve("run/samples.png"), new byte[] {1, 2, 3});
    Files.write(done.resolve("model.index"), new byte[] {4});
    Files.createDirectories(runs.resolve(RUNNING).resolve("run"));
    Files.writeString(runs.resolve(RUNNING).resolve("cell.json"), "{\"cell\": \"" + RUNNING + "\"}");
    return runs;
  }

  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void copiesTheCompleteCellsSmallFilesOnly(@TempDir Path dir) throws Exception {
    Path runs = experiment(dir);
    Path out = dir.resolve("docs/results/exp");
    ResultPublisher.Report report = ResultPublisher.publish(runs, out, true);
    assertEquals(List.of(DONE), report.published());
    assertEquals(List.of(RUNNING), report.incomplete());
    assertEquals(5, report.files());
    assertEquals(List.of(DONE + "/cell.json", DONE + "/result.json", DONE + "/run/config.json", DONE + "/run/log.jsonl",
        DONE + "/run/timing.json"), files(out));
    assertEquals("{\"step\":10}\n", Files.readString(out.resolve(DONE).resolve("run/log.jsonl")));

    // Again, without logs, over the first copy: the files are replaced, the old log stays.
    Files.writeString(runs.resolve(DONE).resolve("run/timing.json"), "{\"iterations\": 20}");
    assertEquals(4, ResultPublisher.publish(runs, out, false).files());
    assertEquals("{\"iterations\": 20}", Files.readString(out.resolve(DONE).resolve("run/timing.json")));
    assertTrue(Files.exists(out.resolve(DONE).resolve("run/log.jsonl")));
  }

  @Test
  void theCommandSaysWhatItDidAndRefusesAFolderWithoutCells(@TempDir Path dir) throws Exception {
    Path runs = experiment(dir);
    Path out = dir.resolve("published");
    CliRunner.Outcome outcome = CliRunner.run("experiment", "publish", runs.toString(), "--out", out.toString(),
        "--without-logs");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("published 1 cells (4 files) into " + out), outcome.out());
    assertTrue(outcome.out().contains("not complete, not published: " + RUNNING), outcome.out());
    assertFalse(Files.exists(out.resolve(DONE).resolve("run/log.jsonl")));

    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> ResultPublisher.publish(Files.createDirectories(dir.resolve("empty")), out, true));
    assertEquals(dir.resolve("empty") + ": no experiment cells (no */cell.json)", empty.getMessage());
  }
}
