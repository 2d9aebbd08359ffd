package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan train --g-model}: an MLP generator against a DCGAN-28 critic on MNIST (the WGAN paper's
 * Figure 3 pair, tiny), resumed and sampled from its checkpoint; and the one-line refusals. Needs
 * JGAN_DATA, which the test command sets.
 */
class GeneratorModelCliTest {
  /** WGAN with a 2 x 16 MLP generator and DCGAN-28's critic, batch 8, one critic step per iteration. */
  private static final String[] RUN = {"train", "--objective", "wgan", "--dataset", "mnist", "--model", "dcgan28",
      "--g-model", "mlp", "--width", "16", "--depth", "2", "--batch", "8", "--critic-steps", "1", "--threads", "1",
      "--checkpoint-every", "2", "--log-every", "1", "--quiet", "--no-tensorboard"};

  @TempDir
  Path dir;

  @Test
  void anMlpGeneratorTrainsAgainstADcganCriticAndResumesAsOneRun() throws Exception {
    Path whole = dir.resolve("whole");
    CliRunner.trainInto(whole, RUN, "--steps", "4");
    assertEquals("mlp", JsonParser.parseString(Files.readString(whole.resolve("config.json"))).getAsJsonObject()
        .get("generatorModel").getAsString());
    Path split = dir.resolve("split");
    CliRunner.trainInto(split, RUN, "--steps", "2");
    CliRunner.trainInto(split, RUN, "--steps", "4", "--resume");
    assertEquals(Files.readAllLines(whole.resolve("log.jsonl")), Files.readAllLines(split.resolve("log.jsonl")),
        "the resumed run rebuilt the MLP generator its checkpoint holds and went on bit for bit");
    assertArrayEquals(CliRunner.samples(whole, 16, 3), CliRunner.samples(split, 16, 3));

    List<String> swapped = new ArrayList<>(List.of(RUN));
    swapped.set(swapped.indexOf("mlp"), "dcgan28-bn");
    swapped.addAll(List.of("--steps", "6", "--resume", "--out", split.toString()));
    CliRunner.Outcome refused = CliRunner.run(swapped.toArray(String[]::new));
    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("field 'generatorModel' was \"mlp\""), refused.err());
  }

  @Test
  void badGeneratorModelsAreOneLineErrorsNamingTheFlag() {
    assertRefused("--g-model: unknown model 'nope' (known: mlp, ", "--dataset", "mnist", "--g-model", "nope");
    assertRefused("--g-model resnet1d is for sequences (--dataset text), not mnist",
        "--dataset", "mnist", "--model", "dcgan28", "--g-model", "resnet1d");
    assertRefused("--g-model dcgan28 needs an image dataset (mnist, fashion), not toy8", "--g-model", "dcgan28");
    assertRefused("--g-model resnet1d with --model dcgan28: generator 'resnet1d' makes sequences but critic 'dcgan28'"
        + " reads images", "--objective", "wgan-gp", "--dataset", "text", "--model", "dcgan28", "--g-model", "resnet1d");
    assertRefused("--g-model gan-mlp with --model dcgan28: 'gan-mlp' is the GAN paper's pair",
        "--dataset", "mnist", "--model", "dcgan28", "--g-model", "gan-mlp");
    assertRefused("--g-width is for an MLP generator (--g-model mlp); dcgan28 has its own layers",
        "--dataset", "mnist", "--model", "mlp", "--g-model", "dcgan28", "--g-width", "8");
  }

  private void assertRefused(String fragment, String... flags) {
    List<String> args = new ArrayList<>(List.of("train", "--steps", "1", "--out", dir.resolve("bad").toString()));
    if (!List.of(flags).contains("--objective")) {
      args.addAll(List.of("--objective", "wgan"));
    }
    args.addAll(List.of(flags));
    CliRunner.run(args.toArray(String[]::new)).assertOneLineError(fragment);
    assertTrue(Files.notExists(dir.resolve("bad")), "nothing written");
  }
}
