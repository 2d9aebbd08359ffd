package org.jgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jgan.tools.Jgan;
import org.jgan.training.RunConfig;

/** The image-folder fields of config.json: the run's example shape, and runs saved before they existed. */
class RunConfigFieldsTest {
  @TempDir
  Path dir;

  private static RunConfig config(String dataset, Integer size, Integer channels) {
    return RunConfig.builder().objective("gan").dataset(dataset).model("mlp").steps(10).seed(1).batchSize(4).zDim(100)
        .width(8).depth(3).lrDecay("none").prior("normal").pixelRange("signed").threads(2).jganVersion(Jgan.VERSION)
        .imageSize(size).channels(channels).build();
  }

  @Test
  void aFolderRunsShapeComesFromItsSizeAndChannels() {
    assertArrayEquals(new int[] {32, 32, 1}, config("folder", 32, 1).exampleShape());
    assertArrayEquals(new int[] {32, 32, 3}, config("cifar10", null, null).exampleShape());
  }

  @Test
  void aRunSavedWithoutTheNewFieldsStillResumes() throws Exception {
    Path saved = dir.resolve("config.json");
    config("mnist", null, null).write(saved);
    JsonObject json = JsonParser.parseString(Files.readString(saved)).getAsJsonObject();
    json.remove("imageSize");
    json.remove("channels");
    Files.writeString(saved, json.toString());
    config("mnist", null, null).requireResumableFrom(saved);

    config("folder", 64, 3).write(saved);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> config("folder", 32, 3).requireResumableFrom(saved));
    assertTrue(e.getMessage().contains("field 'imageSize' was 64"), e.getMessage());
  }
}
