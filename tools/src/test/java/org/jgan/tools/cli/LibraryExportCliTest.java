package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgan.data.ToyDistribution;
import org.jgan.graphs.CheckpointStore;
import org.jgan.graphs.Layer;
import org.jgan.graphs.Tensors;
import org.jgan.graphs.layers.Activation;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.models.Architecture;
import org.jgan.losses.NoisePrior;
import org.jgan.losses.Objectives;
import org.jgan.tools.evaluation.Npy;
import org.jgan.training.ModelSpec;
import org.jgan.training.Trainer;
import org.jgan.training.export.ExportedModel;
import org.jgan.training.export.GeneratorExport;
import org.jgan.training.export.ModelMetadata;
import org.jgan.training.export.ServingSignatures;
import org.jgan.training.export.TrainedOn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A generator exported in one library call, with an architecture of the user's own and a stock
 * objective, is a model the command line accepts: {@code jgan sample --model} and
 * {@code jgan eval --model} read it, and it gives what the trainer's generator gives.
 */
class LibraryExportCliTest {
  private static final int BATCH = 16;
  private static final int ITERATIONS = 4;
  /** z for which the export and the trainer must agree. */
  private static final float[] Z = {0.5f, -1f, 1.5f, 0.25f, -0.75f, 2f};

  @TempDir
  static Path dir;

  static Path modelDir;
  static Path version;
  static float[] trainerOutput;

  /** A user's own networks, unknown to jgan: two leaky-ReLU layers of 12 units. */
  record TwoLayerNet() implements Architecture {
    @Override
    public String name() {
      return "users-two-layer-net";
    }

    @Override
    public List<Layer> generator(int zDim, int[] exampleShape, Activation output) {
      return List.of(new Dense(12), Activation.leakyRelu(0.2f), new Dense(12), Activation.leakyRelu(0.2f),
          new Dense(Architecture.size(exampleShape)), output);
    }

    @Override
    public List<Layer> discriminator(int[] exampleShape) {
      return List.of(new Dense(12), Activation.leakyRelu(0.2f), new Dense(1));
    }
  }

  @BeforeAll
  static void trainAndExportFromTheLibrary() throws Exception {
    ModelSpec spec = new ModelSpec(Objectives.named("gan"), new TwoLayerNet(), new int[] {2}, Activation.identity(),
        NoisePrior.normal(2), BATCH, 3);
    modelDir = dir.resolve("models/own");
    try (Trainer trainer = new Trainer(spec, ToyDistribution.EIGHT_GAUSSIANS.batches(BATCH, 7), 1)) {
      for (int i = 0; i < ITERATIONS; i++) {
        trainer.iterate();
      }
      version = GeneratorExport.fromTrainer(trainer, TrainedOn.named("toy8", null), modelDir);
      try (TFloat32 z = Tensors.floats(Z, Z.length / 2, 2);
          Result result = trainer.session().runner().feed(trainer.model().zInput(), z)
              .fetch(trainer.model().samples()).run()) {
        trainerOutput = Tensors.toFloats(result.get(0));
      }
      // The second call: from checkpoints, as a run folder holds them.
      trainer.save(new CheckpointStore(dir.resolve("checkpoints"), 1));
    }
  }

  @Test
  void theExportIsTheFirstVersionFolderWithItsMetadata() throws Exception {
    assertEquals(modelDir.resolve("1"), version);
    ModelMetadata metadata = ModelMetadata.read(modelDir);
    assertEquals("users-two-layer-net", metadata.model());
    assertEquals("gan", metadata.objective());
    assertEquals("toy8", metadata.dataset());
    assertEquals(ITERATIONS, metadata.trainingStep());
    assertEquals(ModelMetadata.UNBOUNDED, metadata.outputRange());
    assertArrayEquals(new int[] {2}, metadata.exampleShape());
  }

  @Test
  void theExportGivesTheTrainersOutputsForTheSameZ() throws Exception {
    try (ExportedModel model = ExportedModel.open(modelDir)) {
      float[] exported = model.generate(Z, Z.length / 2, 2).get(ServingSignatures.IMAGES);
      assertArrayEquals(trainerOutput, exported, 1e-6f);
    }
  }

  @Test
  void jganSampleReadsTheModelAndDrawsWhatItsGenerateSignatureGives() throws Exception {
    Path npy = dir.resolve("samples.npy");
    CliRunner.Outcome sampled = CliRunner.run("sample", "--model", modelDir.toString(), "--n", "8", "--seed", "5",
        "--out", npy.toString());
    assertEquals(0, sampled.exitCode(), sampled.err());
    Npy.Array array = Npy.read(npy);
    assertArrayEquals(new long[] {8, 2}, array.shape());
    try (SavedModelBundle bundle = SavedModelBundle.load(version.toString(), "serve");
        TInt32 count = TInt32.scalarOf(8);
        TInt64 seed = TInt64.scalarOf(5);
        Result result = bundle.function(ServingSignatures.GENERATE_KEY)
            .call(Map.of(ServingSignatures.COUNT, count, ServingSignatures.SEED, seed))) {
      assertArrayEquals(Tensors.toFloats(result.get(ServingSignatures.IMAGES).orElseThrow()), array.values());
    }
  }

  @Test
  void jganEvalReadsTheModelAsToyPoints() throws Exception {
    Path json = dir.resolve("eval.json");
    CliRunner.Outcome evaluated = CliRunner.run("eval", "--model", modelDir.toString(), "--metrics", "toy",
        "--n", "200", "--out", json.toString(), "--quiet");
    assertEquals(0, evaluated.exitCode(), evaluated.err());
    JsonObject document = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject toy = document.getAsJsonObject("metrics").getAsJsonObject("toy");
    int modes = toy.get("modes_covered").getAsInt();
    assertTrue(modes >= 0 && modes <= 8, "modes covered: " + modes);
    assertEquals(200, document.get("samples").getAsInt());
  }

  @Test
  void theCheckpointCallExportsTheSameGeneratorAsTheNextVersion() throws Exception {
    Path next = GeneratorExport.fromCheckpoints(new ModelSpec(Objectives.named("gan"), new TwoLayerNet(),
        new int[] {2}, Activation.identity(), NoisePrior.normal(2), BATCH, 3), TrainedOn.points("toy8"),
        dir.resolve("checkpoints"), modelDir, line -> { });
    assertEquals(modelDir.resolve("2"), next);
    try (ExportedModel model = ExportedModel.open(modelDir)) {
      assertEquals(next, model.folder());
      assertArrayEquals(trainerOutput, model.generate(Z, Z.length / 2, 2).get(ServingSignatures.IMAGES), 1e-6f);
    }
  }
}
