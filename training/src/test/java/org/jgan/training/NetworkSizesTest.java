package org.jgan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgan.graphs.Layer;
import org.jgan.graphs.layers.Dense;
import org.jgan.graphs.layers.Dropout;
import org.jgan.graphs.models.Mlp;
import org.jgan.graphs.models.NamedArchitecture;
import org.jgan.losses.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator and the other networks sized apart, as the EBGAN paper's grid varies them. */
class NetworkSizesTest {
  @TempDir
  Path dir;

  /** The units of every dense layer of one network, in order. */
  private static List<Integer> denseUnits(List<Layer> layers) {
    return layers.stream().filter(l -> l instanceof Dense).map(l -> ((Dense) l).units()).toList();
  }

  @Test
  void ganNetworksGetTheirOwnWidthAndDepth() {
    RunConfig config = TrainingSettings.of("gan-ns", "mnist").generatorWidth(40).generatorDepth(3)
        .discriminatorWidth(12).discriminatorDepth(1).resolve();
    Map<Role, List<Layer>> layers = RunModel.spec(config).networkLayers();
    assertEquals(List.of(40, 40, 40, 784), denseUnits(layers.get(Role.GENERATOR)));
    assertEquals(List.of(12, 1), denseUnits(layers.get(Role.DISCRIMINATOR)));
  }

  @Test
  void ebgansAutoEncoderHasTheDiscriminatorsSizeOnBothSidesOfItsCode() {
    RunConfig config = TrainingSettings.of("ebgan", "mnist").zDim(10).width(64).depth(2).discriminatorWidth(24)
        .resolve();
    Map<Role, List<Layer>> layers = RunModel.spec(config).networkLayers();
    assertEquals(List.of(64, 64, 784), denseUnits(layers.get(Role.GENERATOR)), "the generator keeps --width/--depth");
    assertEquals(List.of(24, 24, 10, 24, 24, 784), denseUnits(layers.get(Role.DISCRIMINATOR)));
  }

  @Test
  void oneSizeForBothStaysTheSameNetworksAsBefore() {
    RunConfig config = TrainingSettings.of("ebgan", "mnist").zDim(10).width(32).depth(1).resolve();
    assertNull(config.generatorWidth(), "not given: recorded as null, as in runs saved before the flags existed");
    assertEquals(new Mlp(32, 1), RunModel.architecture(config));
    assertEquals(List.of(32, 10, 32, 784), denseUnits(RunModel.spec(config).networkLayers().get(Role.DISCRIMINATOR)));
  }

  @Test
  void aRunSavedBeforeTheSizesExistedResumesAndAChangedSizeIsRefused() throws Exception {
    Path saved = dir.resolve("config.json");
    RunConfig config = TrainingSettings.of("gan-ns", "mnist").resolve();
    config.write(saved);
    JsonObject json = JsonParser.parseString(Files.readString(saved)).getAsJsonObject();
    for (String field : List.of("generatorWidth", "generatorDepth", "discriminatorWidth", "discriminatorDepth")) {
      json.remove(field);
    }
    Files.writeString(saved, json.toString());
    config.requireResumableFrom(saved);
    RunConfig.read(saved).requireResumableFrom(saved);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingSettings.of("gan-ns", "mnist").discriminatorDepth(4).resolve().requireResumableFrom(saved));
    assertEquals(saved + ": cannot resume: field 'discriminatorDepth' was null in the saved run but is 4 now",
        e.getMessage());
  }

  @Test
  void aFixedSizeArchitectureRefusesDifferentSizes() {
    assertEquals(NamedArchitecture.DCGAN28.build(8, 1), NamedArchitecture.DCGAN28.build(8, 1, 8, 1, 0f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NamedArchitecture.DCGAN28.build(8, 1, 16, 1, 0f));
    assertEquals("model 'dcgan28' has one width and depth for all its networks", e.getMessage());
    assertEquals("model 'dcgan28' takes no discriminator dropout", assertThrows(IllegalArgumentException.class,
        () -> NamedArchitecture.DCGAN28.build(8, 1, 8, 1, 0.5f)).getMessage());
  }

  @Test
  void discriminatorDropoutFollowsEveryHiddenLayerOfTheOtherNetworksOnly() {
    RunConfig config = TrainingSettings.of("ebgan", "mnist").zDim(10).width(16).depth(2).discriminatorDropout(0.5f)
        .resolve();
    Map<Role, List<Layer>> layers = RunModel.spec(config).networkLayers();
    assertEquals(List.of(), layers.get(Role.GENERATOR).stream().filter(l -> l instanceof Dropout).toList());
    List<String> kinds = layers.get(Role.DISCRIMINATOR).stream().map(Layer::kind).toList();
    assertEquals(List.of("dense", "relu", "dropout", "dense", "relu", "dropout", "dense", "code", "dense", "relu",
        "dropout", "dense", "relu", "dropout", "dense", "identity", "reshape"), kinds);
    assertEquals(new Dropout(0.5f), layers.get(Role.DISCRIMINATOR).get(2));
  }
}
