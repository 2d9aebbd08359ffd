package org.jgan.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.graphs.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.cli.CliRunner;
import org.jgan.tools.experiment.JganProcess;

/**
 * SIGTERM during {@code jgan train} saves a checkpoint at the iteration it stopped at, says so in
 * one line and exits with the signal's status; resuming from there gives the losses of a run that
 * was never stopped, bit for bit.
 */
class GracefulStopTest {
  private static final String[] RUN = {"train", "--objective", "wgan-gp", "--dataset", "toy8", "--width", "32",
      "--seed", "9", "--log-every", "1", "--quiet", "--lr-decay", "none",
      // No regular checkpoint before the stop: the one found afterwards is the stop's.
      "--checkpoint-every", "100000"};
  private static final Pattern STOPPED = Pattern.compile("jgan train: stopped at step (\\d+) of 1000000; .*--resume");

  @TempDir
  Path dir;

  @Test
  void sigtermSavesWhereItStoppedAndResumesExactly() throws Exception {
    Path stopped = dir.resolve("stopped");
    Path output = dir.resolve("output.txt");
    Process process = new ProcessBuilder(JganProcess.command(List.of(with("--steps", "1000000", "--out",
        stopped.toString())))).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    Path log = stopped.resolve("log.jsonl");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.exists(log) && Files.readAllLines(log).size() >= 30)) {
        assertTrue(process.isAlive(), "training ended early: " + Files.readString(output));
        assertTrue(System.nanoTime() < deadline, "30 iterations not logged within 120 s");
        Thread.sleep(20);
      }
      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "no exit within 120 s of SIGTERM");
    } finally {
      process.destroyForcibly().waitFor();
    }
    assertEquals(143, process.exitValue(), Files.readString(output));
    Matcher said = STOPPED.matcher(Files.readString(output));
    assertTrue(said.find(), "no stop line in: " + Files.readString(output));
    long step = Long.parseLong(said.group(1));
    List<String> logged = Files.readAllLines(log);
    assertEquals(step, logged.size(), "every iteration up to the stop is logged");
    assertEquals(step, JsonParser.parseString(logged.get(logged.size() - 1)).getAsJsonObject().get("step").getAsLong());
    assertEquals(String.format("step-%010d", step), Files.readString(stopped.resolve("checkpoints/latest")).trim());
    // Between the iteration interval's checkpoints: an interim one, which rotates out no regular checkpoint.
    assertTrue(new CheckpointStore(stopped.resolve(TrainingRun.CHECKPOINTS), 1).latest().orElseThrow().interim());

    long steps = step + 20;
    CliRunner.Outcome resumed = CliRunner.run(with("--steps", "" + steps, "--out", stopped.toString(), "--resume"));
    assertEquals(0, resumed.exitCode(), resumed.err());
    Path reference = dir.resolve("reference");
    CliRunner.Outcome straight = CliRunner.run(with("--steps", "" + steps, "--out", reference.toString()));
    assertEquals(0, straight.exitCode(), straight.err());
    assertEquals(Files.readAllLines(reference.resolve("log.jsonl")), Files.readAllLines(log));
  }

  private static String[] with(String... extra) {
    List<String> args = new ArrayList<>(List.of(RUN));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }
}
