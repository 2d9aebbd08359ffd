package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgan.data.NamedDatasets;
import org.jgan.data.PixelRange;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.Tensors;
import org.jgan.training.ModelSpec;
import org.jgan.training.RunModel;
import org.jgan.training.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.jgan.tools.Jgan;
import org.jgan.training.export.ModelMetadata;
import org.jgan.training.RunConfig;
import org.jgan.tools.run.TrainingRun;

/** {@code jgan export}: a short run's generator as a SavedModel, reloaded here and in a fresh JVM. */
class ExportCommandTest {
  private static final int Z_DIM = 2;
  private static final int COUNT = 5;

  @TempDir
  static Path dir;

  static Path run;
  static Path model;
  /** The version folder the export wrote: TensorFlow Serving's layout, MODEL_DIR/1. */
  static Path version;

  @BeforeAll
  static void trainAndExport() {
    run = dir.resolve("run");
    model = dir.resolve("model");
    CliRunner.Outcome exported = CliRunner.trainAndExport(run, model);
    version = model.resolve("1");
    assertTrue(exported.out().contains("step 3") && exported.out().contains(" to " + version), exported.out());
  }

  @Test
  void savedModelGivesTheCheckpointGeneratorsOutputForTheSameZ() throws Exception {
    float[] z = z();
    float[] expected = checkpointSamples(z);
    try (SavedModelBundle bundle = SavedModelBundle.load(version.toString(), "serve");
        TFloat32 zt = Tensors.floats(z, COUNT, Z_DIM);
        Result result = bundle.call(Map.of("z", zt))) {
      float[] served = Tensors.toFloats(result.get("images").orElseThrow());
      assertArrayEquals(expected, served);
      assertTrue(bundle.metaGraphDef().getGraphDef().getNodeList().stream().noneMatch(n -> n.getName().startsWith("D/")),
          "the model holds the generator only");
    }
  }

  @Test
  void freshJvmLoadsTheModelAndGivesTheSameOutput() throws Exception {
    float[] z = z();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ModelProbe.class.getName(), version.toString(), "" + Z_DIM));
    for (float v : z) {
      command.add(Integer.toHexString(Float.floatToIntBits(v)));
    }
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    float[] expected = checkpointSamples(z);
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(expected.length, lines.size(), output);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], Float.intBitsToFloat(Integer.parseUnsignedInt(lines.get(i), 16)), "element " + i);
    }
  }

  @Test
  void signaturesHaveTheServingNamesTypesShapesAndMethod() throws Exception {
    try (SavedModelBundle bundle = SavedModelBundle.load(version.toString(), "serve")) {
      assertTrue(bundle.metaGraphDef().getMetaInfoDef().getTagsList().contains("serve"));
      Map<String, SignatureDef> signatures = bundle.metaGraphDef().getSignatureDefMap();
      assertEquals(java.util.Set.of("serving_default", "generate"), signatures.keySet());

      SignatureDef serving = signatures.get("serving_default");
      assertEquals("tensorflow/serving/predict", serving.getMethodName());
      assertEquals(java.util.Set.of("z"), serving.getInputsMap().keySet());
      assertEquals(java.util.Set.of("images"), serving.getOutputsMap().keySet());
      check(serving.getInputsMap().get("z"), DataType.DT_FLOAT, -1, Z_DIM);
      check(serving.getOutputsMap().get("images"), DataType.DT_FLOAT, -1, 2);

      SignatureDef generate = signatures.get("generate");
      assertEquals("tensorflow/serving/predict", generate.getMethodName());
      check(generate.getInputsMap().get("count"), DataType.DT_INT32);
      check(generate.getInputsMap().get("seed"), DataType.DT_INT64);
      check(generate.getOutputsMap().get("images"), DataType.DT_FLOAT, -1, 2);
    }
  }

  @Test
  void generateSignatureIsSeededAndSizedByItsInputs() {
    try (SavedModelBundle bundle = SavedModelBundle.load(version.toString(), "serve")) {
      float[] a = generate(bundle, 6, 11);
      assertEquals(6 * 2, a.length);
      assertArrayEquals(a, generate(bundle, 6, 11));
      assertFalse(java.util.Arrays.equals(a, generate(bundle, 6, 12)));
    }
  }

  @Test
  void metadataDescribesTheModel() throws Exception {
    ModelMetadata m = ModelMetadata.read(model);
    assertEquals(ModelMetadata.FORMAT, m.format());
    assertEquals(Jgan.VERSION, m.jganVersion());
    assertEquals("gan", m.objective());
    assertEquals("toy8", m.dataset());
    assertEquals(3, m.trainingStep());
    assertEquals(Z_DIM, m.zDim());
    assertEquals("normal", m.zDistribution());
    assertArrayEquals(new int[] {2}, m.exampleShape());
    assertEquals(ModelMetadata.UNBOUNDED, m.outputRange());
    assertEquals(0f, m.emaDecay(), 0f, "a run without --ema exports its raw weights");
  }

  @Test
  void theVersionFolderHoldsTheWholeModelAndNothingElseIsLeftInTheBase() throws Exception {
    assertTrue(Files.isRegularFile(version.resolve("saved_model.pb")));
    assertTrue(Files.isDirectory(version.resolve("variables")));
    assertTrue(Files.isRegularFile(version.resolve(ModelMetadata.FILE)));
    try (var entries = Files.list(model)) {
      assertEquals(List.of(version), entries.toList(), "no temporary folder is left in the base folder");
    }
  }

  @Test
  void eachExportIsTheNextVersionAndSampleReadsTheNewest() throws Exception {
    Path base = Files.createDirectories(dir.resolve("versions"));
    Files.createDirectories(base.resolve("9"));
    Files.createDirectories(base.resolve("notes"));
    CliRunner.Outcome first = CliRunner.run("export", "--checkpoint", run.toString(), "--out", base.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains(" to " + base.resolve("10")), first.out());
    CliRunner.Outcome second = CliRunner.run("export", "--checkpoint", run.toString(), "--out", base.toString());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(Files.isRegularFile(base.resolve("11").resolve("saved_model.pb")), second.out());
    assertTrue(Files.isRegularFile(base.resolve("10").resolve("saved_model.pb")), "an export never replaces a version");

    // sample --model takes the base folder (newest version), a version folder, or a folder holding the model directly.
    Path legacy = dir.resolve("legacy");
    copyTree(version, legacy);
    Files.delete(base.resolve("11").resolve(ModelMetadata.FILE));
    CliRunner.Outcome newest = CliRunner.run("sample", "--model", base.toString(), "--n", "4", "--out",
        dir.resolve("newest.npy").toString());
    assertEquals(2, newest.exitCode(), "the base folder means its newest version, 11: " + newest.err());
    assertTrue(newest.err().contains(base.resolve("11").resolve(ModelMetadata.FILE).toString()), newest.err());
    for (Path source : List.of(base.resolve("10"), legacy, model)) {
      CliRunner.Outcome sampled = CliRunner.run("sample", "--model", source.toString(), "--n", "4", "--out",
          dir.resolve("s.npy").toString());
      assertEquals(0, sampled.exitCode(), source + ": " + sampled.err());
    }
  }

  @Test
  void refusesAFileAModelFolderOfTheOldLayoutAndARunWithoutCheckpoints() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path legacy = dir.resolve("old-layout");
    copyTree(version, legacy);
    for (Path out : List.of(file, legacy, version)) {
      CliRunner.Outcome refused = CliRunner.run("export", "--checkpoint", run.toString(), "--out", out.toString());
      assertEquals(2, refused.exitCode(), out + ": " + refused.err());
      assertEquals(1, refused.errorLines().size(), refused.err());
      assertTrue(refused.err().contains(out.toString()), refused.err());
    }
    assertFalse(Files.exists(version.resolve("1")), "no version folder inside a version folder");

    Path empty = Files.createDirectories(dir.resolve("no-run"));
    CliRunner.Outcome none = CliRunner.run("export", "--checkpoint", empty.toString(), "--out",
        dir.resolve("m2").toString());
    assertEquals(2, none.exitCode());
    assertEquals(1, none.errorLines().size(), none.err());
    assertFalse(Files.exists(dir.resolve("m2")));
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static float[] generate(SavedModelBundle bundle, int count, long seed) {
    try (TInt32 n = TInt32.scalarOf(count); TInt64 s = TInt64.scalarOf(seed);
        Result r = bundle.function("generate").call(Map.of("count", n, "seed", s))) {
      return Tensors.toFloats(r.get("images").orElseThrow());
    }
  }

  private static void check(TensorInfo info, DataType type, long... dims) {
    assertEquals(type, info.getDtype());
    assertFalse(info.getTensorShape().getUnknownRank());
    long[] actual = info.getTensorShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray();
    assertArrayEquals(dims, actual);
  }

  private static float[] z() {
    return org.jgan.losses.NoisePrior.normal(Z_DIM).sample(new SplittableRandom(5), COUNT);
  }

  /** The training graph's generator restored from the run's latest checkpoint, on a fed z. */
  static float[] checkpointSamples(float[] z) throws Exception {
    RunConfig config = RunConfig.read(run.resolve("config.json"));
    ModelSpec spec = RunModel.spec(config);
    try (Trainer trainer = new Trainer(spec, NamedDatasets.trainingBatches(config.dataset(), null, config.batchSize(), 1,
        PixelRange.MINUS_ONE_ONE), 1)) {
      assertTrue(trainer.restoreLatest(new CheckpointStore(run.resolve("checkpoints"), 3)));
      assertEquals(3, trainer.state().iteration());
      try (TFloat32 zt = Tensors.floats(z, z.length / Z_DIM, Z_DIM);
          Result r = trainer.session().runner().feed(trainer.model().zInput(), zt).fetch(trainer.model().samples()).run()) {
        return Tensors.toFloats(r.get(0));
      }
    }
  }
}
