package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear line naming the flag or file, and a non-zero exit. */
class CliErrorsTest {
  @TempDir
  Path dir;

  @Test
  void helpListsTheVerbs() {
    CliRunner.Outcome help = CliRunner.run("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("train") && help.out().contains("bench"), help.out());
    CliRunner.Outcome trainHelp = CliRunner.run("train", "--help");
    assertEquals(0, trainHelp.exitCode());
    assertTrue(trainHelp.out().contains("--objective") && trainHelp.out().contains("--resume"), trainHelp.out());
    for (String objective : org.jgan.losses.Objectives.NAMES) {
      assertTrue(trainHelp.out().contains(objective), objective + " missing from train --help");
    }
    assertEquals(0, CliRunner.run("bench", "--help").exitCode());
  }

  @Test
  void unknownObjective() {
    CliRunner.run("train", "--objective", "vae", "--out", dir.resolve("run").toString()).assertOneLineError(
        "--objective", "unknown objective 'vae'", "wgan-gp");
  }

  @Test
  void negativeStepCount() {
    CliRunner.run("train", "--objective", "gan", "--steps", "-5", "--out", dir.resolve("run").toString())
        .assertOneLineError("--steps", "-5");
  }

  @Test
  void unknownDatasetAndMissingRequiredFlag() {
    CliRunner.run("train", "--objective", "gan", "--dataset", "cifar", "--out", dir.toString()).assertOneLineError(
        "--dataset", "cifar");
    CliRunner.run("train", "--objective", "gan").assertOneLineError("--out");
  }

  @Test
  void truncatedIdxFileIsNamed() throws IOException {
    Path images = writeMnist(header(0x08, 60000, 28, 28), 100);
    CliRunner.Outcome outcome = trainMnist();
    outcome.assertOneLineError(images.toString(), "truncated");
  }

  @Test
  void wrongMagicNumberIsNamed() throws IOException {
    byte[] bad = header(0x08, 60000, 28, 28);
    bad[0] = 0x12;
    Path images = writeMnist(bad, 0);
    trainMnist().assertOneLineError(images.toString(), "magic");
  }

  @Test
  void refusesToOverwriteAnExistingRun() {
    Path out = dir.resolve("run");
    CliRunner.Outcome first = CliRunner.run("train", "--objective", "gan", "--steps", "2", "--width", "8",
        "--out", out.toString(), "--quiet");
    assertEquals(0, first.exitCode(), first.err());
    CliRunner.run("train", "--objective", "gan", "--steps", "2", "--width", "8",
        "--out", out.toString(), "--quiet").assertOneLineError("--resume", out.toString());
    CliRunner.run("train", "--objective", "gan", "--steps", "4", "--width", "16",
        "--out", out.toString(), "--quiet", "--resume").assertOneLineError("width");
  }

  private CliRunner.Outcome trainMnist() {
    return CliRunner.run("train", "--objective", "gan", "--dataset", "mnist", "--data", dir.resolve("data").toString(),
        "--steps", "1", "--out", dir.resolve("run").toString(), "--quiet");
  }

  /** Writes mnist/train-images (header plus {@code dataBytes} zero bytes, gzip) and valid labels; returns the images path. */
  private Path writeMnist(byte[] header, int dataBytes) throws IOException {
    Path mnist = Files.createDirectories(dir.resolve("data/mnist"));
    Path images = mnist.resolve("train-images-idx3-ubyte.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
      out.write(header);
      out.write(new byte[dataBytes]);
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(mnist.resolve("train-labels-idx1-ubyte.gz")))) {
      out.write(header(0x08, 60000));
      out.write(new byte[60000]);
    }
    return images;
  }

  private static byte[] header(int type, int... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.array();
  }
}
