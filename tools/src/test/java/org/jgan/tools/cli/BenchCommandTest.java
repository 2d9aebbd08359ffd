package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code jgan bench} runs the reference DCGAN step and reports a positive median. */
class BenchCommandTest {
  @Test
  void printsMedianMillisecondsPerStep() {
    for (String objective : new String[] {"wgan-gp", "gan"}) {
      CliRunner.Outcome outcome = CliRunner.run("bench", "--objective", objective, "--batch", "4", "--steps", "3",
          "--warmup", "1");
      assertEquals(0, outcome.exitCode(), outcome.err());
      Matcher m = Pattern.compile("(?m)^ms_per_step (\\d+\\.\\d+)$").matcher(outcome.out());
      assertTrue(m.find(), outcome.out());
      assertTrue(Double.parseDouble(m.group(1)) > 0);
    }
  }
}
