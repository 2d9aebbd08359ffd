package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jgan.graphs.Tensors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.jgan.tools.run.GeneratedSamples;
import org.jgan.tools.evaluation.Npy;
import org.jgan.tools.evaluation.NpyWriter;
import org.jgan.tools.run.SampleStream;
import org.jgan.tools.figures.Svg;

/** {@code jgan sample}: .npy files from a checkpoint and from an exported model. */
class SampleCommandTest {
  @TempDir
  static Path dir;

  static Path run;
  static Path model;

  @BeforeAll
  static void trainAndExport() {
    run = dir.resolve("run");
    model = dir.resolve("model");
    CliRunner.trainAndExport(run, model);
  }

  @Test
  void npyFromCheckpointAndFromModelHoldTheGeneratorsOutput() throws Exception {
    Path fromRun = dir.resolve("a.npy");
    Path png = dir.resolve("pictures/a.png");
    CliRunner.Outcome a = CliRunner.run("sample", "--checkpoint", run.toString(), "--n", "7", "--seed", "5",
        "--out", fromRun.toString(), "--png", png.toString(), "--figure-format", "svg");
    assertEquals(0, a.exitCode(), a.err());
    Path fromModel = dir.resolve("b.npy");
    CliRunner.Outcome b = CliRunner.run("sample", "--model", model.toString(), "--n", "7", "--seed", "5",
        "--out", fromModel.toString());
    assertEquals(0, b.exitCode(), b.err());

    float[] expected = generate(7, 5);
    Parsed runArray = parse(fromRun);
    assertArrayEquals(new long[] {7, 2}, runArray.shape());
    assertArrayEquals(expected, runArray.values());
    Parsed modelArray = parse(fromModel);
    assertArrayEquals(new long[] {7, 2}, modelArray.shape());
    assertArrayEquals(expected, modelArray.values());

    BufferedImage picture = ImageIO.read(png.toFile());
    assertNotNull(picture, "a readable PNG");
    assertTrue(picture.getWidth() > 100);
    String svg = Svg.desc(dir.resolve("pictures/a.svg"));
    assertTrue(svg.contains("x axis 'x1'") && svg.contains("series real data, samples, modes"), svg);
  }

  @Test
  void seedChangesTheSamples() throws Exception {
    Path one = dir.resolve("s1.npy");
    Path two = dir.resolve("s2.npy");
    assertEquals(0, CliRunner.run("sample", "--model", model.toString(), "--n", "4", "--seed", "1", "--out", one.toString()).exitCode());
    assertEquals(0, CliRunner.run("sample", "--model", model.toString(), "--n", "4", "--seed", "2", "--out", two.toString()).exitCode());
    assertFalse(Arrays.equals(parse(one).values(), parse(two).values()));
  }

  @Test
  void needsExactlyOneSource() {
    CliRunner.Outcome both = CliRunner.run("sample", "--checkpoint", run.toString(), "--model", model.toString(),
        "--out", dir.resolve("x.npy").toString());
    assertEquals(2, both.exitCode());
    CliRunner.Outcome none = CliRunner.run("sample", "--out", dir.resolve("x.npy").toString());
    assertEquals(2, none.exitCode());
    CliRunner.Outcome zero = CliRunner.run("sample", "--model", model.toString(), "--n", "0", "--out",
        dir.resolve("x.npy").toString());
    assertEquals(2, zero.exitCode());
    assertFalse(Files.exists(dir.resolve("x.npy")));
  }

  @Test
  void aChunkedDrawEqualsOneRunDrawingEverything() throws Exception {
    float[] oneRun = generate(10, 5);
    try (SampleStream stream = SampleStream.ofCheckpoint(run, skipped -> { })) {
      assertArrayEquals(oneRun, GeneratedSamples.draw(stream, 10, 5, 4).values(), "from the checkpoint, 4 per run");
    }
    try (SampleStream stream = SampleStream.ofModel(model)) {
      assertArrayEquals(oneRun, GeneratedSamples.draw(stream, 10, 5, 8).values(), "from the model, 8 per run");
    }
  }

  @Test
  void moreSamplesThanOneRunDrawsAreStreamedIntoTheFile() throws Exception {
    int n = 2 * org.jgan.training.GeneratorGraph.SAMPLES_PER_RUN + 5;
    Path file = dir.resolve("many.npy");
    CliRunner.Outcome many = CliRunner.run("sample", "--checkpoint", run.toString(), "--n", Integer.toString(n),
        "--seed", "3", "--out", file.toString());
    assertEquals(0, many.exitCode(), many.err());
    Parsed parsed = parse(file);
    assertArrayEquals(new long[] {n, 2}, parsed.shape());
    assertArrayEquals(generate(n, 3), parsed.values());
  }

  @Test
  void anEvaluationTooLargeForMemoryIsRefusedNamingTheFlag() {
    CliRunner.Outcome huge = CliRunner.run("eval", "--checkpoint", run.toString(), "--n", "2147483647");
    huge.assertOneLineError("--n 2147483647: 2147483647 samples of shape [2] take");
  }

  @Test
  void anUnfinishedNpyLeavesNoFileBehind() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("unfinished"));
    try (NpyWriter writer = NpyWriter.create(folder.resolve("x.npy"), 3, 2)) {
      writer.append(new float[] {1, 2});
    }
    try (java.util.stream.Stream<Path> left = Files.list(folder)) {
      assertEquals(0, left.count(), "neither the file nor its temporary");
    }
  }

  @Test
  void headerOfOneDimensionalArrayHasATrailingComma() {
    String text = new String(Npy.header(3), StandardCharsets.US_ASCII);
    assertTrue(text.contains("'shape': (3,)"), text);
    assertEquals(0, Npy.header(3).length % 64);
  }

  private static float[] generate(int count, long seed) {
    // The version folder export wrote: what TensorFlow Serving loads from the base folder.
    try (SavedModelBundle bundle = SavedModelBundle.load(model.resolve("1").toString(), "serve");
        TInt32 n = TInt32.scalarOf(count); TInt64 s = TInt64.scalarOf(seed);
        Result r = bundle.function("generate").call(Map.of("count", n, "seed", s))) {
      return Tensors.toFloats(r.get("images").orElseThrow());
    }
  }

  record Parsed(long[] shape, float[] values) {}

  /** Parses an .npy file by the format's definition (independently of {@link Npy}). */
  static Parsed parse(Path file) throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    bytes.get(magic);
    assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, magic);
    assertEquals(1, bytes.get(), "major version");
    assertEquals(0, bytes.get(), "minor version");
    int headerLength = Short.toUnsignedInt(bytes.getShort());
    byte[] header = new byte[headerLength];
    bytes.get(header);
    String dict = new String(header, StandardCharsets.US_ASCII);
    assertTrue(dict.endsWith("\n"), dict);
    assertEquals(0, (10 + headerLength) % 16, "data is aligned");
    assertTrue(dict.contains("'descr': '<f4'"), dict);
    assertTrue(dict.contains("'fortran_order': False"), dict);
    Matcher m = Pattern.compile("'shape': \\(([0-9, ]*)\\)").matcher(dict);
    assertTrue(m.find(), dict);
    long[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
        .mapToLong(Long::parseLong).toArray();
    long size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
    assertEquals(size * 4, bytes.remaining(), "data fills the shape exactly");
    float[] values = new float[(int) size];
    bytes.asFloatBuffer().get(values);
    return new Parsed(shape, values);
  }
}
