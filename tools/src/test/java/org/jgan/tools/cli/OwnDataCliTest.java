package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jgan.tools.evaluation.Npy;

/**
 * {@code jgan train} on CIFAR-10 files and image folders with DCGAN-32 and DCGAN-64 (tiny widths
 * and batches, one or two steps), and export, sample and eval of the result.
 */
class OwnDataCliTest {
  private static final List<String> OBJECTIVES = List.of("gan", "gan-ns", "wgan", "wgan-gp", "ebgan", "bgan", "alpha-gan");

  @TempDir
  Path dir;

  private static List<String> tiny(String... args) {
    List<String> all = new ArrayList<>(List.of("train", "--steps", "1", "--width", "4", "--batch", "4", "--quiet",
        "--no-tensorboard", "--checkpoint-every", "1"));
    all.addAll(List.of(args));
    return all;
  }

  private static CliRunner.Outcome run(List<String> args) {
    return CliRunner.run(args.toArray(String[]::new));
  }

  /** Every objective trains one step of DCGAN-32 on CIFAR-10-format files and writes its run folder. */
  @Test
  void everyObjectiveTrainsDcgan32OnCifar10() throws Exception {
    Path data = OwnData.cifar10(dir.resolve("data"), 4);
    for (String objective : OBJECTIVES) {
      Path out = dir.resolve(objective);
      CliRunner.Outcome o = run(tiny("--objective", objective, "--dataset", "cifar10", "--data", data.toString(),
          "--model", "dcgan32", "--out", out.toString()));
      assertEquals(0, o.exitCode(), objective + ": " + o.err());
      assertTrue(Files.exists(out.resolve("samples.png")), objective);
    }
    CliRunner.Outcome bn = run(tiny("--objective", "gan", "--dataset", "cifar10", "--data", data.toString(),
        "--model", "dcgan32-bn", "--out", dir.resolve("bn").toString()));
    assertEquals(0, bn.exitCode(), bn.err());
  }

  /** Every objective trains one step of DCGAN-64 on a folder of images decoded to 64 x 64 x 3. */
  @Test
  void everyObjectiveTrainsDcgan64OnAnImageFolder() throws Exception {
    Path images = OwnData.imageFolder(dir.resolve("images"), 12);
    Path cache = dir.resolve("cache");
    for (String objective : OBJECTIVES) {
      Path out = dir.resolve(objective);
      CliRunner.Outcome o = run(tiny("--objective", objective, "--dataset", "folder", "--data", images.toString(),
          "--image-cache", cache.toString(), "--model", "dcgan64", "--out", out.toString()));
      assertEquals(0, o.exitCode(), objective + ": " + o.err());
      // The undecodable file is reported by path on every run (the cache remembers it), and skipped.
      assertTrue(o.err().contains("skipped 1 undecodable image") && o.err().contains("not-an-image.png"), o.err());
      JsonObject config = JsonParser.parseString(Files.readString(out.resolve("config.json"))).getAsJsonObject();
      assertEquals(64, config.get("imageSize").getAsInt());
      assertEquals(3, config.get("channels").getAsInt());
    }
    CliRunner.Outcome bn = run(tiny("--objective", "wgan", "--dataset", "folder", "--data", images.toString(),
        "--image-cache", cache.toString(), "--model", "dcgan64-bn", "--out", dir.resolve("bn").toString()));
    assertEquals(0, bn.exitCode(), bn.err());
    CliRunner.Outcome strict = run(tiny("--objective", "gan", "--dataset", "folder", "--data", images.toString(),
        "--image-cache", cache.toString(), "--model", "dcgan64", "--strict-images", "--out", dir.resolve("strict").toString()));
    assertEquals(2, strict.exitCode(), strict.err());
    assertTrue(strict.err().contains(images.resolve("not-an-image.png") + ": cannot decode image"), strict.err());
  }

  @ParameterizedTest
  @CsvSource({
      "'--dataset folder --image-size 48', --image-size must be one of [28, 32, 64], got 48",
      "'--dataset folder --channels 2', --channels must be 1 or 3, got 2",
      "'--dataset folder', --dataset folder needs --data DIR",
      "'--dataset mnist --image-size 32', apply to --dataset folder only, not mnist",
      "'--dataset cifar10 --model dcgan64', dcgan64 needs 64x64xC images, got example shape [32, 32, 3]",
      "'--dataset cifar10 --model dcgan32-bn --objective wgan-gp', its critic uses batch norm"})
  void badFlagsAreOneLineNamingTheFlag(String flags, String expected) {
    List<String> args = new ArrayList<>(List.of("train", "--out", dir.resolve("bad").toString(), "--data",
        dir.toString()));
    args.addAll(List.of(flags.split(" ")));
    if (!args.contains("--objective")) {
      args.addAll(List.of("--objective", "gan"));
    }
    if (flags.equals("--dataset folder")) {
      args.removeAll(List.of("--data", dir.toString()));
    }
    CliRunner.Outcome o = run(args);
    assertEquals(2, o.exitCode(), o.err());
    assertTrue(o.err().contains(expected), o.err());
    assertEquals(1, o.errorLines().size(), o.err());
  }

  /** Export, sample and eval work on DCGAN-32 and DCGAN-64 runs; a classifier of the wrong size names both shapes. */
  @Test
  void exportSampleAndEvalWorkOnBothSizes() throws Exception {
    Path data = OwnData.cifar10(dir.resolve("data"), 20);
    Path run32 = dir.resolve("run32");
    assertEquals(0, run(tiny("--objective", "gan-ns", "--dataset", "cifar10", "--data", data.toString(), "--model",
        "dcgan32", "--out", run32.toString())).exitCode());
    Path images = OwnData.imageFolder(dir.resolve("images"), OwnData.HELD_OUT_SAFE_COUNT);
    Path run64 = dir.resolve("run64");
    CliRunner.Outcome trained = run(tiny("--objective", "wgan-gp", "--dataset", "folder", "--data", images.toString(),
        "--image-cache", dir.resolve("cache").toString(), "--model", "dcgan64", "--channels", "1", "--out",
        run64.toString()));
    assertEquals(0, trained.exitCode(), trained.err());

    Path model = dir.resolve("model64");
    CliRunner.Outcome exported = CliRunner.run("export", "--checkpoint", run64.toString(), "--out", model.toString());
    assertEquals(0, exported.exitCode(), exported.err());
    Path npy = dir.resolve("s.npy");
    CliRunner.Outcome sampled = CliRunner.run("sample", "--model", model.toString(), "--n", "3", "--out", npy.toString());
    assertEquals(0, sampled.exitCode(), sampled.err());
    assertArrayEquals(new long[] {3, 64, 64, 1}, Npy.read(npy).shape());

    Path classifier = dir.resolve("classifier");
    CliRunner.Outcome c = CliRunner.run("classifier", "train", "--dataset", "cifar10", "--data", data.toString(),
        "--epochs", "1", "--batch", "10", "--out", classifier.toString());
    assertEquals(0, c.exitCode(), c.err());
    Path result = dir.resolve("eval32.json");
    CliRunner.Outcome eval = CliRunner.run("eval", "--checkpoint", run32.toString(), "--data", data.toString(),
        "--classifier", classifier.toString(), "--metrics", "inception-score,critic", "--n", "20", "--critic-steps", "2",
        "--out", result.toString());
    assertEquals(0, eval.exitCode(), eval.err());
    JsonObject metrics = JsonParser.parseString(Files.readString(result)).getAsJsonObject().getAsJsonObject("metrics");
    assertTrue(metrics.has("inception-score") && metrics.has("critic"), metrics.toString());

    CliRunner.Outcome wrong = CliRunner.run("eval", "--model", model.toString(), "--data", images.toString(),
        "--classifier", classifier.toString(), "--metrics", "inception-score", "--n", "20");
    assertEquals(2, wrong.exitCode(), wrong.err());
    assertTrue(wrong.err().contains("[32, 32, 3]") && wrong.err().contains("[64, 64, 1]"), wrong.err());
  }
}
