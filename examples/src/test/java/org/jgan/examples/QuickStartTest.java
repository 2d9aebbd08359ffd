package org.jgan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgan.eval.ToyMetrics;
import org.jgan.tools.Jgan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example is this module's QuickStart, and it reproduces {@code jgan train}'s toy8 result. */
class QuickStartTest {
  private static final long STEPS = 600;
  private static final long SEED = 3;

  @TempDir
  Path dir;

  @Test
  void quickStartScoresExactlyWhatJganTrainScoresWithTheSameSeedAndSteps() throws Exception {
    Path run = dir.resolve("toy8");
    StringWriter err = new StringWriter();
    int code = Jgan.run(new String[] {"train", "--objective", "wgan-gp", "--dataset", "toy8", "--steps", "" + STEPS,
        "--seed", "" + SEED, "--out", run.toString(), "--quiet", "--no-tensorboard"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    JsonObject cli = JsonParser.parseString(Files.readString(run.resolve("metrics.json"))).getAsJsonObject();

    ToyMetrics.Scores library = QuickStart.run(STEPS, SEED);

    assertEquals(cli.get("modes_covered").getAsInt(), library.modesCovered(), "modes covered; jgan train: " + cli);
    assertEquals(cli.get("high_quality_share").getAsDouble(), library.highQualityShare(), 0.0, "high-quality share");
    // The mode KL is a function of every sample's nearest mode: equal to the last bit only for the same samples.
    assertEquals(cli.get("mode_kl").getAsDouble(), library.modeKl(), 0.0, "mode KL");
    assertTrue(library.modesCovered() >= 6, "600 iterations cover most modes: " + library);
  }

  @Test
  void readmeLibraryExampleIsTheQuickStartSource() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher block = Pattern.compile("## The library\\n.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README has a java block under '## The library'");
    List<String> snippet = block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertFalse(snippet.isEmpty());
    List<String> source = Files.readAllLines(Path.of("src/main/java/org/jgan/examples/QuickStart.java")).stream()
        .map(String::strip).toList();
    assertTrue(java.util.Collections.indexOfSubList(source, snippet) >= 0,
        "the README snippet appears, line for line, in QuickStart.java:\n" + String.join("\n", snippet));
  }
}
