package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgan.graphs.CheckpointStore;
import org.jgan.tools.run.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --checkpoint-minutes} saves checkpoints by wall-clock time between those of
 * {@code --checkpoint-every}, 0 turns it off, and a bad value is a one-line error naming the flag.
 */
class CheckpointMinutesTest {
  private static final String[] RUN = {"train", "--objective", "gan-ns", "--dataset", "toy8", "--width", "16",
      "--depth", "1", "--batch", "16", "--steps", "300", "--checkpoint-every", "1000", "--seed", "4", "--threads", "1",
      "--quiet", "--no-tensorboard"};

  @TempDir
  Path dir;

  @Test
  void checkpointsComeByTimeBetweenThoseOfTheIterationInterval() throws Exception {
    // 30 ms apart, a few times over in a run of 300 iterations whose first alone takes longer (the
    // graph's first run); --checkpoint-every is past the run, so only the final step's save comes by steps.
    List<Long> timed = steps(train("timed", "--checkpoint-minutes", "0.0005"));
    assertEquals(300L, timed.get(timed.size() - 1));
    assertTrue(timed.size() >= 2 && timed.get(0) < 300, "checkpoints by time before the last step: " + timed);

    assertEquals(List.of(300L), steps(train("off", "--checkpoint-minutes", "0")));
  }

  @Test
  void aNegativeOrNonNumericIntervalIsAnErrorNamingTheFlag() throws Exception {
    for (String bad : List.of("-1", "NaN", "ten")) {
      Path out = dir.resolve("bad");
      CliRunner.Outcome outcome = CliRunner.run(with(out, "--checkpoint-minutes", bad));
      assertEquals(2, outcome.exitCode(), bad + ": " + outcome.err());
      assertTrue(outcome.err().contains("--checkpoint-minutes"), outcome.err());
      assertTrue(!Files.exists(out.resolve(TrainingRun.CHECKPOINTS)), "nothing trained for " + bad);
    }
  }

  private Path train(String name, String... extra) throws Exception {
    Path out = dir.resolve(name);
    CliRunner.Outcome outcome = CliRunner.run(with(out, extra));
    assertEquals(0, outcome.exitCode(), outcome.err());
    return out;
  }

  private static String[] with(Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of(RUN));
    args.add("--out");
    args.add(out.toString());
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static List<Long> steps(Path run) throws Exception {
    return new CheckpointStore(run.resolve(TrainingRun.CHECKPOINTS), 1).complete().stream()
        .map(CheckpointStore.Checkpoint::step).toList();
  }
}
