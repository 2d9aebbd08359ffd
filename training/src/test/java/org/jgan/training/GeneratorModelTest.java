package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.BatchNorm;
import org.jgan.graphs.layers.Conv2d;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.models.Dcgan28Bn;
import org.jgan.graphs.models.MixedArchitecture;
import org.jgan.graphs.models.Mlp;
import org.jgan.graphs.models.NamedArchitecture;
import org.jgan.losses.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's architecture set apart from the critic's: the WGAN paper's MLP generator and DCGAN critic. */
class GeneratorModelTest {
  @TempDir
  Path dir;

  /** The WGAN paper's Figure 3 upper left: a 4 x 512 ReLU MLP generator against a DCGAN critic. */
  private static RunConfig paperMlpGenerator() {
    return TrainingSettings.of("wgan", "mnist").model("dcgan28-bn").generatorModel("mlp").width(512).depth(4)
        .resolve();
  }

  private static List<Integer> denseUnits(List<Layer> layers) {
    return layers.stream().filter(l -> l instanceof Dense).map(l -> ((Dense) l).units()).toList();
  }

  private static List<Class<?>> classes(List<Layer> layers) {
    return layers.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void theGeneratorComesFromItsModelAndEveryOtherNetworkFromTheCritics() {
    Map<Role, List<Layer>> layers = RunModel.spec(paperMlpGenerator()).networkLayers();
    assertEquals(List.of(512, 512, 512, 512, 784), denseUnits(layers.get(Role.GENERATOR)));
    assertTrue(layers.get(Role.GENERATOR).stream().noneMatch(l -> l instanceof Conv2d || l instanceof BatchNorm));
    assertEquals(classes(new Dcgan28Bn().discriminator(new int[] {28, 28, 1})), classes(layers.get(Role.DISCRIMINATOR)),
        "the critic is DCGAN-28's with batch norm, untouched by the MLP's width and depth");
    assertTrue(layers.get(Role.DISCRIMINATOR).stream().anyMatch(l -> l instanceof BatchNorm));
    assertEquals(new MixedArchitecture(new Mlp(512, 4), new Dcgan28Bn()), RunModel.architecture(paperMlpGenerator()));
    assertEquals("mlp+dcgan28-bn", RunModel.architecture(paperMlpGenerator()).name());
  }

  @Test
  void theConfigurationRoundTripsAndOneModelForBothIsRecordedAsBefore() throws Exception {
    Path file = dir.resolve("config.json");
    RunConfig config = paperMlpGenerator();
    config.write(file);
    assertEquals("mlp", JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("generatorModel")
        .getAsString());
    RunConfig read = RunConfig.read(file);
    assertEquals(config, read);
    assertEquals(RunModel.architecture(config), RunModel.architecture(read));
    config.requireResumableFrom(file);

    assertNull(TrainingSettings.of("wgan", "mnist").model("dcgan28").resolve().generatorModel());
    assertNull(TrainingSettings.of("wgan", "mnist").model("dcgan28").generatorModel("dcgan28").resolve()
        .generatorModel(), "naming --model's own generator is the same run as naming none");
  }

  @Test
  void aRunSavedBeforeTheFieldResumesAndCannotSwapItsGenerator() throws Exception {
    Path saved = dir.resolve("config.json");
    RunConfig plain = TrainingSettings.of("wgan", "mnist").model("dcgan28-bn").resolve();
    plain.write(saved);
    JsonObject json = JsonParser.parseString(Files.readString(saved)).getAsJsonObject();
    json.remove("generatorModel");
    Files.writeString(saved, json.toString());
    RunConfig old = RunConfig.read(saved);
    assertNull(old.generatorModel());
    assertEquals(new Dcgan28Bn(), RunModel.architecture(old), "an older run rebuilds the one architecture it named");
    plain.requireResumableFrom(saved);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingSettings.of("wgan", "mnist").model("dcgan28-bn").generatorModel("mlp").resolve()
            .requireResumableFrom(saved));
    assertEquals(saved + ": cannot resume: field 'generatorModel' was null in the saved run but is \"mlp\" now",
        e.getMessage());
  }

  @Test
  void pairsThatCannotMeetAreRefusedNamingBoth() {
    IllegalArgumentException sequences = assertThrows(IllegalArgumentException.class,
        () -> NamedArchitecture.mixed(NamedArchitecture.RESNET1D, 8, 1, NamedArchitecture.DCGAN28, 8, 1, 0f));
    assertEquals("generator 'resnet1d' makes sequences but critic 'dcgan28' reads images", sequences.getMessage());
    IllegalArgumentException paper = assertThrows(IllegalArgumentException.class,
        () -> NamedArchitecture.mixed(NamedArchitecture.GAN_MLP, 8, 1, NamedArchitecture.DCGAN28, 8, 1, 0f));
    assertTrue(paper.getMessage().startsWith("'gan-mlp' is the GAN paper's pair"), paper.getMessage());
    IllegalArgumentException dropout = assertThrows(IllegalArgumentException.class,
        () -> NamedArchitecture.mixed(NamedArchitecture.MLP, 8, 1, NamedArchitecture.DCGAN28, 8, 1, 0.5f));
    assertTrue(dropout.getMessage().contains("takes no discriminator dropout"), dropout.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> RunModel.architecture(TrainingSettings.of("wgan", "mnist").model("dcgan28").generatorModel("nope")
            .resolve()));
    assertTrue(unknown.getMessage().startsWith("unknown model 'nope'"), unknown.getMessage());
  }

  @Test
  void wganGpStillRefusesABatchNormCriticBehindAnotherGenerator() {
    RunConfig config = TrainingSettings.of("wgan-gp", "mnist").model("dcgan28-bn").generatorModel("mlp").resolve();
    assertThrows(IllegalArgumentException.class, () -> RunModel.spec(config).networkLayers());
    RunConfig fine = TrainingSettings.of("wgan-gp", "mnist").model("dcgan28").generatorModel("dcgan28-bn").resolve();
    assertEquals(List.of(Role.GENERATOR, Role.DISCRIMINATOR),
        List.copyOf(RunModel.spec(fine).networkLayers().keySet()), "batch norm in the generator only is allowed");
  }
}
