package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discrete objectives from the command line. Needs JGAN_DATA (the test command sets it). */
class DiscreteCliTest {
  @TempDir
  Path dir;

  @Test
  void binaryMnistAndTextTrain() throws Exception {
    for (String[] run : new String[][] {{"bgan-discrete", "binary-mnist", "gan"}, {"bgan-reinforce", "text", "chi2"}}) {
      Path out = dir.resolve(run[1]);
      CliRunner.Outcome o = CliRunner.run("train", "--objective", run[0], "--dataset", run[1], "--divergence", run[2],
          "--samples-per-z", "4", "--steps", "3", "--width", "16", "--depth", "1", "--data", CliRunner.data(),
          "--out", out.toString(), "--quiet");
      assertEquals(0, o.exitCode(), o.err());
      assertTrue(Files.readString(out.resolve("config.json")).contains("\"divergence\": \"" + run[2] + "\""));
    }
    assertTrue(Files.size(dir.resolve("binary-mnist").resolve("samples.png")) > 500);
    assertEquals(100, Files.readAllLines(dir.resolve("text").resolve("samples.txt")).size());
  }

  @Test
  void mismatchedObjectiveAndDataAreRefused() {
    CliRunner.Outcome discreteOnToy = CliRunner.run("train", "--objective", "bgan-discrete", "--dataset", "toy8",
        "--out", dir.resolve("a").toString());
    assertEquals(2, discreteOnToy.exitCode());
    assertTrue(discreteOnToy.err().contains("needs discrete data"), discreteOnToy.err());
    CliRunner.Outcome ganOnText = CliRunner.run("train", "--objective", "gan", "--dataset", "text",
        "--out", dir.resolve("b").toString());
    assertEquals(2, ganOnText.exitCode());
    assertTrue(ganOnText.err().contains("is discrete"), ganOnText.err());
    CliRunner.Outcome badDivergence = CliRunner.run("train", "--objective", "bgan-discrete", "--dataset", "binary-mnist",
        "--divergence", "tv", "--out", dir.resolve("c").toString());
    assertEquals(2, badDivergence.exitCode());
    assertTrue(badDivergence.err().contains("unknown divergence 'tv'"), badDivergence.err());
  }
}
